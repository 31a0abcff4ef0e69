import { describe, expect, it } from "vitest";
import {
  COLOR_MATCH_DISTANCE,
  entryMatchesColor,
  MIN_COLOR_FRACTION,
  namedColorByHex,
  namedColorsOf,
  namedPalette,
} from "./named-palette.ts";
import { hexToOklab } from "./oklab.ts";

const entry = (hex: string, fraction: number) => {
  const [l, a, b] = hexToOklab(hex);
  return { l, a, b, fraction };
};

describe("the colour rule", () => {
  it("names a colour for an entry close to its swatch that covers at least 10 %", () => {
    expect(namedColorsOf([entry("#0099cc", 0.6), entry("#ffffff", 0.4)])).toEqual(["sky blue", "white"]);
    expect(namedColorsOf([entry("#0099cc", 0.95), entry("#ffffff", 0.05)])).toEqual(["sky blue"]);
  });

  it("uses the weight of one entry, not a sum of small ones", () => {
    const flecks = Array.from({ length: 5 }, () => entry("#ffff00", MIN_COLOR_FRACTION - 0.01));
    expect(namedColorsOf(flecks)).toEqual([]);
  });

  it("gives a shade between neighbouring swatches each of their names, and a far colour none", () => {
    const [l1, a1, b1] = hexToOklab("#cc0000");
    const [l2, a2, b2] = hexToOklab("#990000");
    const between = { l: (l1 + l2) / 2, a: (a1 + a2) / 2, b: (b1 + b2) / 2, fraction: 1 };
    expect(namedColorsOf([between])).toEqual(["dark red", "red", "brick red"]);
    // A very dark navy lies between black and indigo, farther than the match distance from both.
    const far = entry("#000044", 1);
    const distances = namedPalette.map((c) =>
      Math.hypot(c.oklab[0] - far.l, c.oklab[1] - far.a, c.oklab[2] - far.b),
    );
    expect(Math.min(...distances)).toBeGreaterThan(COLOR_MATCH_DISTANCE);
    expect(namedColorsOf([far])).toEqual([]);
  });

  it("is exactly the per-entry test, at its edges", () => {
    const red = hexToOklab("#cc0000");
    const at = (d: number, fraction: number) => ({ l: red[0] + d, a: red[1], b: red[2], fraction });
    expect(entryMatchesColor(at(COLOR_MATCH_DISTANCE - 1e-9, MIN_COLOR_FRACTION), red)).toBe(true);
    expect(entryMatchesColor(at(COLOR_MATCH_DISTANCE + 1e-9, 1), red)).toBe(false);
    expect(entryMatchesColor(at(0, MIN_COLOR_FRACTION - 1e-9), red)).toBe(false);
  });

  it("knows a swatch by its hex, in any case", () => {
    expect(namedColorByHex("#0099CC")?.name).toBe("sky blue");
    expect(namedColorByHex("#0099cd")).toBeUndefined();
  });
});
