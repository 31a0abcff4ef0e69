import { describe, expect, it } from "vitest";
import { computeColorPalette } from "./color-palette.ts";

function image(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
  return { small: { data, width, height, channels: 3 as const } };
}

describe("computeColorPalette", () => {
  it("finds red and blue halves with half the pixels each", () => {
    const palette = computeColorPalette(image(200, 100, (x) => (x < 100 ? [204, 0, 0] : [0, 102, 204])));
    expect(palette.colors.map((c) => c.name).sort()).toEqual(["blue", "red"]);
    for (const color of palette.colors) expect(color.fraction).toBeCloseTo(0.5, 1);
    expect(palette.monochrome).toBe(false);
  });

  it("calls a grey gradient monochrome and a black image dark", () => {
    const grey = computeColorPalette(image(256, 64, (x) => [x, x, x]));
    expect(grey.monochrome).toBe(true);
    expect(grey.colors.length).toBeGreaterThanOrEqual(4);
    const black = computeColorPalette(image(64, 64, () => [3, 3, 3]));
    expect(black).toMatchObject({ brightness: "dark", monochrome: true });
    expect(black.colors[0]).toMatchObject({ name: "black", fraction: 1 });
    expect(computeColorPalette(image(64, 64, () => [240, 240, 235])).brightness).toBe("light");
  });

  it("is deterministic and sorted by fraction", () => {
    const noisy = image(128, 128, (x, y) => [(x * 7 + y) % 256, (y * 3) % 256, (x * y) % 256]);
    const first = computeColorPalette(noisy);
    expect(computeColorPalette(noisy)).toEqual(first);
    const fractions = first.colors.map((c) => c.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => b - a));
    expect(fractions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
