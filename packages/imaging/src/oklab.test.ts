import { describe, expect, it } from "vitest";
import { namedPalette, nearestNamedColor } from "./named-palette.ts";
import { hexToOklab, oklabDistance, oklabToHex, rgbToOklab } from "./oklab.ts";

describe("OKLab", () => {
  it("matches Ottosson's reference values", () => {
    const white = hexToOklab("#ffffff");
    expect(white[0]).toBeCloseTo(1, 3);
    expect(Math.abs(white[1]) + Math.abs(white[2])).toBeLessThan(1e-3);
    expect(hexToOklab("000000")).toEqual([0, 0, 0]);
    const red = rgbToOklab(255, 0, 0);
    expect(red[0]).toBeCloseTo(0.628, 3);
    expect(red[1]).toBeCloseTo(0.2249, 3);
    expect(red[2]).toBeCloseTo(0.1258, 3);
  });

  it("round-trips every palette color through OKLab", () => {
    for (const color of namedPalette) expect(oklabToHex(color.oklab)).toBe(color.hex);
  });

  it("measures distance: grey steps are uniform-ish, red is far from blue", () => {
    expect(oklabDistance(hexToOklab("#cc0000"), hexToOklab("#0066cc"))).toBeGreaterThan(0.3);
    expect(oklabDistance(hexToOklab("#808080"), hexToOklab("#818181"))).toBeLessThan(0.01);
  });

  it("refuses malformed hex", () => {
    expect(() => hexToOklab("#abc")).toThrow(RangeError);
  });
});

describe("namedPalette", () => {
  it("has wallhaven's 29 colors with unique names", () => {
    expect(namedPalette).toHaveLength(29);
    expect(new Set(namedPalette.map((c) => c.name)).size).toBe(29);
  });

  it("maps colors to their nearest named color", () => {
    expect(nearestNamedColor(hexToOklab("#d01010")).hex).toBe("#cc0000");
    expect(nearestNamedColor(hexToOklab("#050505")).name).toBe("black");
    expect(nearestNamedColor(hexToOklab("#1060c0")).hex).toBe("#0066cc");
    expect(nearestNamedColor(hexToOklab("#fafafa")).name).toBe("white");
  });
});
