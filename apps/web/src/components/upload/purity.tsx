"use client";

import type { Purity } from "@wallpaperdb/db/purity";
import { PurityOptions } from "~/components/shared/purity-options.tsx";

/** The purity the next files are uploaded with (sfw unless chosen); each wallpaper page can change it later. */
export function UploadPurity({ value, onChange }: { value: Purity; onChange(purity: Purity): void }) {
  return (
    <fieldset className="upload-purity" data-testid="upload-purity">
      <legend>Purity of the next files</legend>
      <PurityOptions name="upload-purity" value={value} onChange={onChange} />
    </fieldset>
  );
}
