import { namedPalette } from "@wallpaperdb/imaging/colors";

// Palette names have spaces ("dark red"); a query writes them as dark_red, dark-red or darkred.
const compact = (name: string) => name.toLowerCase().replace(/[\s_-]+/gu, "");
const paletteByCompactName = new Map(
  namedPalette.map((color) => [compact(color.name), color.hex.toLowerCase()]),
);

/** `ff0000`, `#ff0000`, `f00` or a palette name → `#rrggbb`; null when it is none of them. */
export function normalizeColor(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/u.exec(value)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
    return `#${full}`;
  }
  return paletteByCompactName.get(compact(value)) ?? null;
}

export const paletteColorNames: readonly string[] = namedPalette.map((color) =>
  color.name.replace(/ /gu, "_"),
);
