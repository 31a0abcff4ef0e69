import { randomBytes } from "node:crypto";
import sharp from "sharp";

/** Noise: every image distinct, so no near-duplicate links and non-trivial encodes. */
export function noiseImage(width = 320, height = 200): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}
