import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderImageDerivatives, renderVariant, type VariantFormat, type VariantKind } from "../src/index.ts";
import { corpusJpeg } from "../src/testing.ts";

// As the pipeline stores them (apps/workers/src/adapters/imaging.ts EAGER_FORMATS).
const AVIF_ONLY = { thumb: ["avif"], medium: ["avif"], preview: ["avif"] } as const;
const tiny = (data: Buffer) => sharp(data).resize(16, 9, { fit: "fill" }).removeAlpha().raw().toBuffer();
const meanDiff = (a: Buffer, b: Buffer) =>
  a.reduce((sum, value, i) => sum + Math.abs(value - (b[i] ?? 0)), 0) / a.length;

describe("lazy variants", () => {
  it("renders only the formats asked for, and each lazy format matches the eager one of its kind", async () => {
    const eager = await renderImageDerivatives(corpusJpeg(), { formats: AVIF_ONLY });
    expect(eager.variants.map((v) => `${v.kind}.${v.format}`).sort()).toEqual([
      "medium.avif",
      "preview.avif",
      "thumb.avif",
    ]);
    const lazyOnes: Array<[VariantKind, VariantFormat]> = [
      ["thumb", "jpeg"],
      ["medium", "webp"],
      ["medium", "jpeg"],
      ["preview", "webp"],
    ];
    for (const [kind, format] of lazyOnes) {
      const stored = eager.variants.find((v) => v.kind === kind);
      const lazy = await renderVariant(corpusJpeg(), kind, format);
      expect({ width: lazy.width, height: lazy.height }, `${kind}.${format}`).toEqual({
        width: stored?.width,
        height: stored?.height,
      });
      const decoded = await sharp(lazy.data).metadata();
      expect(decoded).toMatchObject({ format, width: lazy.width, height: lazy.height });
      expect(decoded.exif).toBeUndefined();
      // Same pixels as the eager variant, within encoder loss: compare tiny copies.
      const [a, b] = await Promise.all([tiny(lazy.data), tiny(stored?.data ?? Buffer.alloc(0))]);
      expect(meanDiff(a, b), `${kind}.${format}`).toBeLessThan(6);
      expect(lazy.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("gives a portrait its tall medium from the full decode, not from the smaller preview", async () => {
    const portrait = await sharp(corpusJpeg()).resize(1440, 2560, { fit: "fill" }).jpeg().toBuffer();
    const eager = await renderImageDerivatives(portrait, { formats: AVIF_ONLY });
    const size = (kind: string) => eager.variants.find((v) => v.kind === kind);
    expect(size("medium")).toMatchObject({ width: 1170, height: 2080 });
    expect(size("preview")).toMatchObject({ width: 810, height: 1440 });
    const lazy = await renderVariant(portrait, "medium", "webp");
    expect([lazy.width, lazy.height]).toEqual([1170, 2080]);
  });

  it("refuses a source over the pixel limit before decoding it", async () => {
    await expect(renderVariant(corpusJpeg(), "medium", "jpeg", { maxPixels: 1000 })).rejects.toThrow(
      /pixel limit/,
    );
  });
});
