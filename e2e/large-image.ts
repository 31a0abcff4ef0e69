import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";

/**
 * A large unique upload: 3840x2160 pixels of noise as a quality-100 4:4:4 JPEG, which JPEG cannot
 * compress, so it weighs ~24 MB (well under the server's 200 MiB limit) and takes ~1 s to make.
 */
export async function largeJpeg(name: string): Promise<{ path: string; size: number }> {
  const width = 3840;
  const height = 2160;
  const bytes = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100, chromaSubsampling: "4:4:4" })
    .toBuffer();
  const path = join(mkdtempSync(join(tmpdir(), "wpdb-e2e-")), name);
  writeFileSync(path, bytes);
  return { path, size: bytes.length };
}

/**
 * A small unique JPEG padded with zeros after its end marker to exactly `size` bytes (decoders stop
 * at the marker), so two different pictures can share a name, a size and a date.
 */
export async function paddedJpeg(name: string, size: number): Promise<string> {
  const width = 320;
  const height = 200;
  const jpeg = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  if (jpeg.length > size) throw new Error(`${jpeg.length} bytes of JPEG do not fit in ${size}`);
  const path = join(mkdtempSync(join(tmpdir(), "wpdb-e2e-")), name);
  writeFileSync(path, Buffer.concat([jpeg, Buffer.alloc(size - jpeg.length)]));
  return path;
}
