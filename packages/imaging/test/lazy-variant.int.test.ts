import sharp from "sharp";
import { expect, it } from "vitest";
import { renderImageDerivatives, renderVariant } from "../src/index.ts";
import { corpusJpeg } from "../src/testing.ts";

it("renders only the formats asked for, and the lazy preview AVIF matches an eager one", async () => {
  const eager = await renderImageDerivatives(corpusJpeg(), { formats: { preview: ["webp", "jpeg"] } });
  expect(eager.variants.map((v) => `${v.kind}.${v.format}`).sort()).toEqual([
    "preview.jpeg",
    "preview.webp",
    "thumb.avif",
    "thumb.jpeg",
    "thumb.webp",
  ]);
  const previewWebp = eager.variants.find((v) => v.kind === "preview" && v.format === "webp");
  const lazy = await renderVariant(corpusJpeg(), "preview", "avif");
  expect({ width: lazy.width, height: lazy.height }).toEqual({
    width: previewWebp?.width,
    height: previewWebp?.height,
  });
  const decoded = await sharp(lazy.data).metadata();
  expect(decoded).toMatchObject({ format: "heif", width: lazy.width, height: lazy.height });
  expect(decoded.exif).toBeUndefined();
  // Same pixels as the eager preview, within encoder loss: compare tiny copies.
  const tiny = (data: Buffer) => sharp(data).resize(16, 9, { fit: "fill" }).removeAlpha().raw().toBuffer();
  const [a, b] = await Promise.all([tiny(lazy.data), tiny(previewWebp?.data ?? Buffer.alloc(0))]);
  const meanDiff = a.reduce((sum, value, i) => sum + Math.abs(value - (b[i] ?? 0)), 0) / a.length;
  expect(meanDiff).toBeLessThan(6);
  expect(lazy.contentHash).toMatch(/^[0-9a-f]{64}$/);
});
