"use client";

import { type Purity, purities } from "@wallpaperdb/db/purity";
import { purityNames } from "~/components/wallpaper/purity.tsx";

/** The purity the next files are uploaded with (sfw unless chosen); each wallpaper page can change it later. */
export function UploadPurity({ value, onChange }: { value: Purity; onChange(purity: Purity): void }) {
  return (
    <fieldset className="upload-purity" data-testid="upload-purity">
      <legend>Purity of the next files</legend>
      {purities.map((purity) => (
        <label key={purity} className={`purity-option purity-${purity}`}>
          <input
            type="radio"
            name="upload-purity"
            value={purity}
            checked={value === purity}
            onChange={() => onChange(purity)}
          />
          {purityNames[purity]}
        </label>
      ))}
    </fieldset>
  );
}
