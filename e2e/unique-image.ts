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
