import { hexToOklab, type Oklab, oklabDistance } from "./oklab.ts";

export interface NamedColor {
  name: string;
  hex: string;
  oklab: Oklab;
}

// wallhaven's 29 search colors; names are ours (wallhaven only shows swatches), chosen to be unique.
const wallhavenColors: [hex: string, name: string][] = [
  ["#660000", "maroon"],
  ["#990000", "dark red"],
  ["#cc0000", "red"],
  ["#cc3333", "brick red"],
  ["#ea4c88", "pink"],
  ["#993399", "purple"],
  ["#663399", "violet"],
  ["#333399", "indigo"],
  ["#0066cc", "blue"],
  ["#0099cc", "sky blue"],
  ["#66cccc", "teal"],
  ["#77cc33", "lime green"],
  ["#669900", "green"],
  ["#336600", "dark green"],
  ["#666600", "olive"],
  ["#999900", "dark yellow"],
  ["#cccc33", "mustard"],
  ["#ffff00", "yellow"],
  ["#ffcc33", "gold"],
  ["#ff9900", "orange"],
  ["#ff6600", "dark orange"],
  ["#cc6633", "copper"],
  ["#996633", "brown"],
  ["#663300", "dark brown"],
  ["#000000", "black"],
  ["#999999", "gray"],
  ["#cccccc", "silver"],
  ["#ffffff", "white"],
  ["#424153", "charcoal"],
];

export const namedPalette: readonly NamedColor[] = wallhavenColors.map(([hex, name]) => ({
  name,
  hex,
  oklab: hexToOklab(hex),
}));

export function nearestNamedColor(lab: Oklab): NamedColor {
  let best = namedPalette[0] as NamedColor;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of namedPalette) {
    const distance = oklabDistance(lab, candidate.oklab);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * THE colour rule, the one the auto colour tags, the swatch search (both backends) and the palette
 * names on the wallpaper page share: a wallpaper has colour C when one entry of its palette lies within
 * COLOR_MATCH_DISTANCE (OKLab) of C and covers at least MIN_COLOR_FRACTION of the image. For the 29
 * named colours the colour step applies it once and stores the names (`wallpapers.color_names`); a
 * search for any other hex applies the same test to the stored palette.
 *
 * Measured on the real corpus (42 wallpapers, `pnpm --filter @wallpaperdb/imaging bench:colour-names`):
 * neighbouring swatches are a median 0.094 apart, so 0.1 lets a shade between two swatches carry both
 * names while a colour two swatches away carries neither; at 0.1 the largest colour is named for 35 of
 * 42 wallpapers (0.08: 30) and only 1 has no name at all (0.08: 3), with 3.8 names per wallpaper
 * (0.12: 5.1, too many to read). 10 % keeps a fleck out of the tags and the page's list.
 */
export const COLOR_MATCH_DISTANCE = 0.1;
export const MIN_COLOR_FRACTION = 0.1;

/** One palette entry as stored: OKLab coordinates and its share of the image. */
export interface WeightedLab {
  l: number;
  a: number;
  b: number;
  fraction: number;
}

/** The rule for one entry and one wanted colour (see COLOR_MATCH_DISTANCE). */
export function entryMatchesColor(entry: WeightedLab, target: Oklab): boolean {
  return (
    entry.fraction >= MIN_COLOR_FRACTION &&
    oklabDistance([entry.l, entry.a, entry.b], target) <= COLOR_MATCH_DISTANCE
  );
}

/** The named colours a palette has by the rule, in the named palette's order. */
export function namedColorsOf(palette: readonly WeightedLab[]): string[] {
  return namedPalette
    .filter((color) => palette.some((entry) => entryMatchesColor(entry, color.oklab)))
    .map((color) => color.name);
}

/** The named colour whose swatch is exactly this hex (`#cc0000` → red), or undefined. */
export function namedColorByHex(hex: string): NamedColor | undefined {
  const wanted = hex.toLowerCase();
  return namedPalette.find((color) => color.hex === wanted);
}

/** A named colour by its name ("sky blue"). */
export function namedColorByName(name: string): NamedColor | undefined {
  return namedPalette.find((color) => color.name === name);
}
