import { type Purity, purities } from "@wallpaperdb/db/purity";
import "./purity.css";

export const purityNames: Record<Purity, string> = { sfw: "SFW", sketchy: "Sketchy", nsfw: "NSFW" };

/**
 * The three purities as radio pills in their colours (the upload page's choice for the next files, the
 * wallpaper page's for one wallpaper): one step with a keyboard or a thumb.
 */
export function PurityOptions({
  name,
  value,
  disabled = false,
  onChange,
}: {
  /** the radio group's name, unique on the page */
  name: string;
  /** null: none of the three is checked (the upload page's "Auto") */
  value: Purity | null;
  disabled?: boolean;
  onChange(purity: Purity): void;
}) {
  return purities.map((purity) => (
    <label key={purity} className={`purity-option purity-${purity}`}>
      <input
        type="radio"
        name={name}
        value={purity}
        checked={value === purity}
        disabled={disabled}
        onChange={() => onChange(purity)}
      />
      {purityNames[purity]}
    </label>
  ));
}
