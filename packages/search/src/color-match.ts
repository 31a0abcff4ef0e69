import {
  COLOR_MATCH_DISTANCE,
  hexToOklab,
  MIN_COLOR_FRACTION,
  namedColorByHex,
  type Oklab,
} from "@wallpaperdb/imaging/colors";

// The one colour rule (an entry within COLOR_MATCH_DISTANCE covering MIN_COLOR_FRACTION) lives in
// imaging's named-palette.ts; both backends use it, so they agree with each other and with the tags.
export { COLOR_MATCH_DISTANCE, MIN_COLOR_FRACTION };

export interface ColorTarget {
  hex: string;
  /**
   * Set when the hex is a swatch of the named palette (`#0099cc`, or `sky_blue` in a query): the search
   * then asks the wallpaper's stored named colours (`color_names`), exactly what its auto tag and its
   * page show. Any other hex is tested against the stored palette by the same rule.
   */
  name: string | null;
  l: number;
  a: number;
  b: number;
}

export function colorTargets(hexes: readonly string[]): ColorTarget[] {
  return hexes.map((hex) => {
    const [l, a, b]: Oklab = hexToOklab(hex);
    return { hex, name: namedColorByHex(hex)?.name ?? null, l, a, b };
  });
}

/** The wanted colours split by how they are tested: stored names, or the palette. */
export function splitColorTargets(targets: readonly ColorTarget[]): {
  names: string[];
  others: ColorTarget[];
} {
  return {
    names: targets.flatMap((target) => (target.name ? [target.name] : [])),
    others: targets.filter((target) => !target.name),
  };
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

/**
 * The OKLab grid of `wallpapers.color_cells` (migration 0012 computes a palette entry's cell with the
 * same formula in SQL, `wallpaper_color_cell`): side 0.04, a and b shifted by 2 so every index is
 * positive, packed as l·10000 + a·100 + b. Changing any of these numbers needs a new migration.
 */
const CELL_SIDE = 0.04;
/**
 * The triggers of migration 0012 put into `color_cells` the entries covering at least this much: below
 * MIN_COLOR_FRACTION (0.1 since the one colour rule), so the cells still over-select, as they must.
 */
export const COLOR_CELLS_MIN_FRACTION = 0.04;
const cellIndex = (value: number, shift: number) => Math.floor((value + shift) / CELL_SIDE);
export const colorCellOf = (l: number, a: number, b: number): number =>
  cellIndex(l, 0) * 10000 + cellIndex(a, 2) * 100 + cellIndex(b, 2);

// Widens the box a hair beyond the match distance, so float rounding at a cell border can only add a
// cell (the exact distance check follows), never lose one.
const CELL_SLACK = 1e-6;

// How far `value` is from the cell [i·side, (i+1)·side) on one axis (0 inside it).
function gapToCell(value: number, shift: number, i: number): number {
  const low = i * CELL_SIDE - shift;
  return Math.max(0, low - value, value - (low + CELL_SIDE));
}

/**
 * Every grid cell the match sphere around `target` touches: a superset of where its matches lie (the
 * cells of the bounding box minus its corners, which the sphere misses; at most a few hundred).
 */
export function colorCells(target: ColorTarget): number[] {
  const span = COLOR_MATCH_DISTANCE + CELL_SLACK;
  const range = (value: number, shift: number) => {
    const out: [index: number, gap: number][] = [];
    for (let i = cellIndex(value - span, shift); i <= cellIndex(value + span, shift); i++)
      out.push([i, gapToCell(value, shift, i)]);
    return out;
  };
  const cells: number[] = [];
  for (const [l, gl] of range(target.l, 0))
    for (const [a, ga] of range(target.a, 2))
      for (const [b, gb] of range(target.b, 2))
        if (Math.hypot(gl, ga, gb) <= span) cells.push(l * 10000 + a * 100 + b);
  return cells;
}
