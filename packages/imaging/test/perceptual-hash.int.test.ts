import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { computePerceptualHash, hammingDistance } from "../src/index.ts";
import { corpusFiles } from "../src/testing.ts";

// The same 512 px copy renderImageDerivatives puts in analysis.small, made directly (shrink-on-load) so
// the whole corpus fits the time budget.
async function hashOf(input: string | Buffer) {
  const { data, info } = await sharp(input)
    .rotate()
    .resize(512, 512, { fit: "inside" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return computePerceptualHash({ small: { data, width: info.width, height: info.height, channels: 3 } });
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `min ${sorted[0]} p5 ${at(0.05)} p50 ${at(0.5)} p95 ${at(0.95)} max ${sorted[sorted.length - 1]}`;
}

describe("perceptual hash on the whole corpus", () => {
  it("keeps resized, recompressed and 5 %-cropped copies near and different wallpapers far", async () => {
    const files = corpusFiles();
    const originals: string[] = [];
    const copies: Record<string, number[]> = { resized: [], recompressed: [], cropped: [] };
    for (const file of files) {
      // One decode per wallpaper: the copies are made from a 2048 px lossless base.
      const base = await sharp(file)
        .rotate()
        .flatten({ background: "#000000" })
        .resize(2048, 2048, { fit: "inside", withoutEnlargement: true })
        .png({ compressionLevel: 0 })
        .toBuffer();
      const { width = 0, height = 0 } = await sharp(base).metadata();
      const smaller = await sharp(base)
        .resize(Math.round(width * 0.4))
        .png({ compressionLevel: 0 })
        .toBuffer();
      const recompressed = await sharp(base).jpeg({ quality: 40 }).toBuffer();
      const dx = Math.floor(width * 0.025);
      const dy = Math.floor(height * 0.025);
      const cropped = await sharp(base)
        .extract({ left: dx, top: dy, width: width - 2 * dx, height: height - 2 * dy })
        .png({ compressionLevel: 0 })
        .toBuffer();
      const hash = await hashOf(base);
      originals.push(hash.phash);
      copies.resized?.push(hammingDistance(hash.phash, (await hashOf(smaller)).phash));
      copies.recompressed?.push(hammingDistance(hash.phash, (await hashOf(recompressed)).phash));
      copies.cropped?.push(hammingDistance(hash.phash, (await hashOf(cropped)).phash));
    }
    const different: number[] = [];
    for (let i = 0; i < originals.length; i++) {
      for (let j = i + 1; j < originals.length; j++)
        different.push(hammingDistance(originals[i] ?? "", originals[j] ?? ""));
    }
    for (const [name, distances] of Object.entries(copies))
      process.stdout.write(`pHash ${name}: ${summary(distances)}\n`);
    process.stdout.write(`pHash different wallpapers: ${summary(different)}\n`);

    // Near-flat gradient wallpapers have AC terms close to the median, so a few bits flip on any change:
    // most copies, not all, stay within 10 (see the printed distributions).
    for (const distances of Object.values(copies)) {
      expect(distances.filter((d) => d <= 10).length / distances.length).toBeGreaterThanOrEqual(0.95);
    }
    const far = different.filter((d) => d > 20).length / different.length;
    expect(far).toBeGreaterThan(0.9);
  }, 120_000);
});
