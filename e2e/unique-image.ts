import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";

/** A JPEG of random pixels in a folder of its own: no other spec's upload makes it a duplicate. */
export async function uniqueJpeg(name: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "wpdb-e2e-")), name);
  const pixels = randomBytes(640 * 400 * 3);
  writeFileSync(
    path,
    await sharp(pixels, { raw: { width: 640, height: 400, channels: 3 } })
      .jpeg()
      .toBuffer(),
  );
  return path;
}

/**
 * A unique JPEG of any size that stays small: a few random pixels enlarged into smooth gradients, so a
 * 5120x1440 panorama is a few hundred KB instead of megabytes of noise.
 */
export async function uniqueJpegOfSize(name: string, width: number, height: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "wpdb-e2e-")), name);
  const seed = { width: Math.max(2, Math.round(width / 80)), height: Math.max(2, Math.round(height / 80)) };
  const pixels = randomBytes(seed.width * seed.height * 3);
  writeFileSync(
    path,
    await sharp(pixels, { raw: { ...seed, channels: 3 } })
      .resize(width, height, { kernel: "cubic" })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
  return path;
}
