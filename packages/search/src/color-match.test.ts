import { describe, expect, it } from "vitest";
import { COLOR_MATCH_DISTANCE, colorCellOf, colorCells, colorTargets } from "./color-match.ts";

// A deterministic generator, so a failure names a reproducible point.
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe("colorCells", () => {
  it("holds the cell of every point within the match distance (the index may only over-select)", () => {
    const random = lcg(7);
    for (const target of colorTargets(["#ff0000", "#999999", "#000000", "#ffffff", "#336600", "#0099cc"])) {
      const cells = new Set(colorCells(target));
      for (let i = 0; i < 20_000; i++) {
        // A point in the sphere, rounded to float4 as wallpaper_colors stores it.
        const [dl, da, db] = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
        const norm = Math.hypot(dl, da, db) || 1;
        const r = COLOR_MATCH_DISTANCE * Math.cbrt(random());
        const point = [
          target.l + (dl / norm) * r,
          target.a + (da / norm) * r,
          target.b + (db / norm) * r,
        ].map(Math.fround) as [number, number, number];
        if (Math.hypot(point[0] - target.l, point[1] - target.a, point[2] - target.b) > COLOR_MATCH_DISTANCE)
          continue;
        expect(cells.has(colorCellOf(...point)), `${target.hex} ${point}`).toBe(true);
      }
    }
  });

  it("leaves out cells the match sphere cannot reach", () => {
    const [red] = colorTargets(["#ff0000"]);
    if (!red) throw new Error("no target");
    const cells = new Set(colorCells(red));
    // A cell is 0.04 wide, so a point this far out on each axis is in a cell at least 1.2·D − 0.04 away.
    const d = COLOR_MATCH_DISTANCE;
    expect(cells.has(colorCellOf(red.l + d + 0.08, red.a, red.b))).toBe(false);
    expect(cells.has(colorCellOf(red.l + 1.2 * d, red.a + 1.2 * d, red.b + 1.2 * d))).toBe(false);
    // Fewer than the bounding box's cells (its corners are outside the sphere).
    const side = Math.ceil((2 * d) / 0.04) + 1;
    expect(cells.size).toBeLessThan(side ** 3 * 0.7);
  });
});
