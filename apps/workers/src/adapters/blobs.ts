import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { BlobStore } from "@wallpaperdb/storage";

/** Reads a whole blob into memory: originals and derived files are bounded by the upload limits. */
export async function readBlob(store: BlobStore, key: string): Promise<Buffer> {
  const { body } = await store.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** ffmpeg needs a file path: copies the blob to a private temp file for the duration of `work`. */
export async function withLocalCopy<T>(
  store: BlobStore,
  key: string,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "wpdb-worker-"));
  try {
    const path = join(dir, "input");
    const { body } = await store.get(key);
    await pipeline(body, createWriteStream(path));
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every blob the pipeline and the media routes write for a wallpaper lives under one of these. */
export const wallpaperBlobPrefixes = (wallpaperId: string) => [
  `variants/${wallpaperId}/`,
  `derived/${wallpaperId}/`,
  `renditions/${wallpaperId}/`,
];

/** Deletes every blob under the wallpaper's own prefixes (not its shared original). Idempotent. */
export async function removeWallpaperBlobs(store: BlobStore, wallpaperId: string): Promise<void> {
  for (const prefix of wallpaperBlobPrefixes(wallpaperId)) {
    for await (const blob of store.list(prefix)) await store.delete(blob.key);
  }
}
