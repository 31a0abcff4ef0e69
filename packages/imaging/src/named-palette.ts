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
