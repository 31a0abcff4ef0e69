"use client";

import type { Purity } from "@wallpaperdb/db/purity";
import { PurityOptions } from "~/components/shared/purity-options.tsx";

/**
 * The purity the next files are uploaded with. "Auto" (the default) names none: the content model's
 * suggestion applies (SFW unless the picture looks sketchy or NSFW) and a curator may confirm it; a
 * purity chosen here wins over the model. Each wallpaper page can change it later.
 */
export function UploadPurity({
  value,
  onChange,
}: {
  value: Purity | null;
  onChange(purity: Purity | null): void;
}) {
  return (
    <fieldset className="upload-purity" data-testid="upload-purity">
      <legend>Purity of the next files</legend>
      <label
        className="purity-option purity-auto"
        title="The picture's content decides; you can change it later"
      >
        <input
          type="radio"
          name="upload-purity"
          value="auto"
          checked={value === null}
          onChange={() => onChange(null)}
        />
        Auto
      </label>
      <PurityOptions name="upload-purity" value={value} onChange={onChange} />
    </fieldset>
  );
}
