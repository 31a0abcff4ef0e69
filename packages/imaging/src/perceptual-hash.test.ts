import { describe, expect, it } from "vitest";
import { computePerceptualHash, hammingDistance } from "./perceptual-hash.ts";

function gradientImage(width: number, height: number, flip = false) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.round(((flip ? width - x : x) / width) * 200 + Math.sin((y / height) * 20) * 40 + 10);
      data.fill(v, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return { small: { data, width, height, channels: 3 as const } };
}

describe("hammingDistance", () => {
  it("counts differing bits", () => {
    expect(hammingDistance("0000000000000000", "0000000000000000")).toBe(0);
    expect(hammingDistance("ffffffffffffffff", "0000000000000000")).toBe(64);
    expect(hammingDistance("8000000000000001", "0000000000000000")).toBe(2);
    expect(hammingDistance("a", "5")).toBe(4);
  });

  it("refuses mismatched or non-hex input", () => {
    expect(() => hammingDistance("00", "000")).toThrow(RangeError);
    expect(() => hammingDistance("zz", "00")).toThrow(RangeError);
  });
});

describe("computePerceptualHash", () => {
  it("gives 16 hex chars, equal for a rescaled copy and far for a mirrored one", () => {
    const a = computePerceptualHash(gradientImage(512, 288));
    const b = computePerceptualHash(gradientImage(300, 169));
    const mirrored = computePerceptualHash(gradientImage(512, 288, true));
    expect(a.phash).toMatch(/^[0-9a-f]{16}$/);
    expect(a.dhash).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(a.phash, b.phash)).toBeLessThanOrEqual(4);
    expect(hammingDistance(a.phash, mirrored.phash)).toBeGreaterThan(20);
  });
});
