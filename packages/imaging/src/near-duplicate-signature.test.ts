import { describe, expect, it } from "vitest";
import {
  computeNearDuplicateSignature,
  LAYOUT_LENGTH,
  LAYOUT_LIMIT,
  layoutDistance,
  nearDuplicateDistance,
  SIGNATURE_SCALES,
} from "./near-duplicate-signature.ts";

/** A picture with structure and colour (drawn in relative coordinates, so any size is a resize): waves, red on the left fading to blue on the right. */
function picture(width: number, height: number, tint: (x: number) => [number, number, number]) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [u, v] = [x / width, y / height];
      const wave = 0.6 + 0.4 * Math.sin(20 * u + 25 * v) * Math.cos(9 * v);
      const [r, g, b] = tint(x / width);
      const i = (y * width + x) * 3;
      data[i] = Math.round(r * wave);
      data[i + 1] = Math.round(g * wave);
      data[i + 2] = Math.round(b * wave);
    }
  }
  return { small: { data, width, height, channels: 3 as const } };
}
const warm = (t: number): [number, number, number] => [220 - 120 * t, 90, 60 + 150 * t];
const cold = (t: number): [number, number, number] => [60, 120 + 60 * t, 220 - 40 * t];

describe("computeNearDuplicateSignature", () => {
  it("hashes every centred crop, whole picture first, with a colour layout each", () => {
    const signature = computeNearDuplicateSignature(picture(512, 288, warm));
    expect(signature.map((crop) => crop.scale)).toEqual([...SIGNATURE_SCALES]);
    for (const crop of signature) {
      expect(crop.hash).toMatch(/^[0-9a-f]{16}$/);
      expect(crop.layout).toHaveLength(LAYOUT_LENGTH);
    }
  });

  it("links a resized copy and not a recoloured one with the same structure", () => {
    const original = computeNearDuplicateSignature(picture(512, 288, warm));
    const smaller = computeNearDuplicateSignature(picture(256, 144, warm));
    const recoloured = computeNearDuplicateSignature(picture(512, 288, cold));
    expect(nearDuplicateDistance(original, smaller)).not.toBeNull();
    expect(nearDuplicateDistance(original, recoloured)).toBeNull();
  });
});

describe("layoutDistance", () => {
  const grey = (l: number) => Array.from({ length: LAYOUT_LENGTH }, (_, i) => (i % 3 === 0 ? l : 0));

  it("divides out a small brightness change and refuses a large one", () => {
    expect(layoutDistance(grey(0.5), grey(0.55))).toBeLessThanOrEqual(LAYOUT_LIMIT);
    expect(layoutDistance(grey(0.3), grey(0.65))).toBe(Number.POSITIVE_INFINITY);
  });

  it("counts a hue change in lit cells, not in near-black ones", () => {
    const tinted = (l: number, a: number) => grey(l).map((v, i) => (i % 3 === 1 ? a : v));
    expect(layoutDistance(tinted(0.6, 0), tinted(0.6, 0.05))).toBeGreaterThan(LAYOUT_LIMIT);
    expect(layoutDistance(tinted(0.02, 0), tinted(0.02, 0.05))).toBeLessThanOrEqual(LAYOUT_LIMIT);
  });

  it("refuses something that is not a layout", () => {
    expect(() => layoutDistance([1, 2, 3], grey(0.5))).toThrow(RangeError);
  });
});
