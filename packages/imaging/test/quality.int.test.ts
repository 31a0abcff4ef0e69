import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { computeQuality, renderImageDerivatives } from "../src/index.ts";
import { seededRandom } from "../src/kmeans.ts";
import { sampleCorpus } from "../src/testing.ts";

const BASE_EDGE = 1600;

async function noised(png: Buffer, sigma: number): Promise<Buffer> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const random = seededRandom(7);
  for (let i = 0; i < data.length; i++) {
    const gaussian = Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
    data[i] = Math.max(0, Math.min(255, Math.round((data[i] ?? 0) + gaussian * sigma)));
  }
  const { width, height, channels } = info;
  return sharp(data, { raw: { width, height, channels } }).png({ compressionLevel: 1 }).toBuffer();
}

async function scoreOf(input: Buffer) {
  const { analysis, width, height } = await renderImageDerivatives(input);
  return computeQuality(analysis, { width, height });
}

describe("computeQuality on corpus images and degraded copies", () => {
  // Originals the metric can judge: crisp (not already soft enough to read as upscaled), with edges, and
  // without a period-8 pattern of their own. Flat gradients and soft-focus photos are covered in the report.
  it("scores every degradation below the original and flags the 4x upscale", async () => {
    const judged: string[] = [];
    for (const file of sampleCorpus(5, 1)) {
      if (judged.length === 3) break;
      const base = await sharp(file)
        .rotate()
        .resize(BASE_EDGE, BASE_EDGE, { fit: "inside" })
        .png({ compressionLevel: 1 })
        .toBuffer();
      const original = await scoreOf(base);
      const c = original.components;
      if (c.upscaled || c.edgeSpread === null || c.blockinessRatio > 1.2 || c.sharpness < 0.3) continue;
      judged.push(file);
      const { width = 0, height = 0 } = await sharp(base).metadata();
      const quarter = await sharp(base)
        .resize(Math.round(width / 4))
        .png()
        .toBuffer();
      const degraded = {
        blurred: await scoreOf(await sharp(base).blur(2).png({ compressionLevel: 1 }).toBuffer()),
        noised: await scoreOf(await noised(base, 20)),
        recompressed: await scoreOf(await sharp(base).jpeg({ quality: 10 }).toBuffer()),
        upscaled: await scoreOf(
          await sharp(quarter).resize(width, height).png({ compressionLevel: 1 }).toBuffer(),
        ),
      };
      const line = Object.entries(degraded)
        .map(([name, q]) => `${name} ${q.score}`)
        .join(", ");
      process.stdout.write(`${file.split("/").pop()}: original ${original.score}, ${line}\n`);
      for (const quality of Object.values(degraded)) expect(quality.score).toBeLessThan(original.score);
      expect(degraded.upscaled.components).toMatchObject({ upscaled: true });
      expect(degraded.upscaled.components.upscaleFactor).toBeGreaterThanOrEqual(3);
      expect(degraded.noised.components.noise).toBeLessThan(0.5 * c.noise);
      // Blocks count from a ratio of 1.15 and reach 0 at 3.45 (JPEG sources measure up to 1.7 and look clean).
      expect(degraded.recompressed.components.blockiness).toBeLessThan(0.75);
      expect(degraded.blurred.components.sharpness).toBeLessThan(c.sharpness);
      expect(original.score).toBeGreaterThan(30);
    }
    expect(judged.length).toBe(3);
  }, 120_000);
});
