import { hexToOklab, type Oklab } from "@wallpaperdb/imaging";

/**
 * A palette entry matches a wanted color when it lies within this OKLab distance (about the step
 * between neighbouring swatches of the named palette, e.g. red → dark red is ~0.1) and covers at
 * least MIN_COLOR_FRACTION of the image. Both backends use these numbers, so they agree.
 */
export const COLOR_MATCH_DISTANCE = 0.08;
export const MIN_COLOR_FRACTION = 0.04;

export interface ColorTarget {
  hex: string;
  l: number;
  a: number;
  b: number;
}

export function colorTargets(hexes: readonly string[]): ColorTarget[] {
  return hexes.map((hex) => {
    const [l, a, b]: Oklab = hexToOklab(hex);
    return { hex, l, a, b };
  });
}

/**
 * How much of the image is close to the target, each entry weighted by closeness: the relevance
 * contribution of one wanted color, in [0, 1].
 */
export function colorCoverage(
  target: ColorTarget,
  palette: readonly { l: number; a: number; b: number; fraction: number }[],
): number {
  let sum = 0;
  for (const entry of palette) {
    const distance = Math.hypot(entry.l - target.l, entry.a - target.a, entry.b - target.b);
    if (distance <= COLOR_MATCH_DISTANCE) sum += entry.fraction * (1 - distance / COLOR_MATCH_DISTANCE);
  }
  return sum;
}
