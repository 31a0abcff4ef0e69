import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { computeColorPalette, decodeAnalysis, encodeAnalysis, renderImageDerivatives } from "../src/index.ts";
import { sampleCorpus } from "../src/testing.ts";
import { variantSize } from "../src/variant-kinds.ts";

const expectedFormat = { avif: "heif", webp: "webp", jpeg: "jpeg" } as const;

describe("renderImageDerivatives on the real corpus", () => {
  it.each(sampleCorpus(10, 3))("renders %s", async (file) => {
    const original = await sharp(file).metadata();
    const width = original.autoOrient?.width ?? original.width;
    const height = original.autoOrient?.height ?? original.height;
    const result = await renderImageDerivatives(file);
    expect(result).toMatchObject({ width, height, facts: { width, height } });
    expect(result.thumbhash).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(result.variants.map((v) => `${v.kind}.${v.format}`).sort()).toEqual([
      "medium.avif",
      "medium.jpeg",
      "medium.webp",
      "preview.avif",
      "preview.jpeg",
      "preview.webp",
      "thumb.avif",
      "thumb.jpeg",
      "thumb.webp",
    ]);
    for (const variant of result.variants) {
      const decoded = await sharp(variant.data).metadata();
      const size = variantSize[variant.kind]({ width, height });
      expect(decoded).toMatchObject({ format: expectedFormat[variant.format], ...size });
      expect({ width: variant.width, height: variant.height }).toEqual(size);
      expect(variant.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const thumb = result.variants.find((v) => v.kind === "thumb" && v.format === "jpeg");
    const preview = result.variants.find((v) => v.kind === "preview" && v.format === "jpeg");
    expect(thumb?.data.length).toBeLessThan(preview?.data.length ?? 0);

    const { small, grayNative, normalized } = decodeAnalysis(encodeAnalysis(result.analysis));
    expect(Math.max(small.width, small.height)).toBeLessThanOrEqual(512);
    expect(grayNative.width).toBe(Math.min(1024, width));
    expect(Math.max(normalized.width, normalized.height)).toBe(1024);
    const palette = computeColorPalette(result.analysis);
    expect(palette.colors.length).toBeGreaterThan(0);
  });

  it("strips EXIF and GPS and honours EXIF orientation", async () => {
    // A 400x200 image, left half red, stored with orientation 6 (display rotated 90° clockwise).
    const pixels = Buffer.alloc(400 * 200 * 3);
    for (let i = 0; i < 400 * 200; i++) pixels.set(i % 400 < 200 ? [220, 20, 20] : [20, 20, 220], i * 3);
    const jpeg = await sharp(pixels, { raw: { width: 400, height: 200, channels: 3 } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: "SpyCam", Orientation: "6" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
      })
      .toBuffer();
    const input = await sharp(jpeg).metadata();
    expect(input.exif).toBeDefined();
    expect(input.orientation).toBe(6);

    const result = await renderImageDerivatives(jpeg);
    expect(result).toMatchObject({ width: 200, height: 400, facts: { orientation: "portrait" } });
    for (const variant of result.variants) {
      const meta = await sharp(variant.data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation ?? 1).toBe(1);
      expect(variant.data.includes(Buffer.from("SpyCam"))).toBe(false);
      expect(meta.height).toBeGreaterThan(meta.width);
    }
    // Rotated clockwise: the red left half is now on top.
    const { data } = await sharp(result.variants[0]?.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150);
    expect(data[2]).toBeLessThan(100);
  });

  it("gives the palette of generated images: red/blue halves, grey, black", async () => {
    const make = (width: number, height: number, pixel: (x: number) => number[]) => {
      const data = Buffer.alloc(width * height * 3);
      for (let i = 0; i < width * height; i++) data.set(pixel(i % width), i * 3);
      return sharp(data, { raw: { width, height, channels: 3 } })
        .png()
        .toBuffer();
    };
    const halves = await renderImageDerivatives(
      await make(800, 450, (x) => (x < 400 ? [204, 0, 0] : [0, 102, 204])),
    );
    const palette = computeColorPalette(halves.analysis);
    const named: Record<string, number> = {};
    for (const c of palette.colors) named[c.name] = (named[c.name] ?? 0) + c.fraction;
    expect(named.red).toBeCloseTo(0.5, 1);
    expect(named.blue).toBeCloseTo(0.5, 1);
    const grey = await renderImageDerivatives(await make(800, 450, (x) => [x % 256, x % 256, x % 256]));
    expect(computeColorPalette(grey.analysis).monochrome).toBe(true);
    const black = await renderImageDerivatives(await make(640, 360, () => [0, 0, 0]));
    expect(computeColorPalette(black.analysis)).toMatchObject({
      brightness: "dark",
      colors: [{ name: "black" }],
    });
  });
});
