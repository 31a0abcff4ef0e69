import { createHash, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Database } from "@wallpaperdb/db";
import { variants, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { type RenderOptions, renderImageDerivatives } from "@wallpaperdb/imaging";
import { variantKey } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";

export interface SeedOptions {
  originalName?: string;
  mimeType?: string;
  moderation?: "approved" | "pending" | "rejected";
  processed?: boolean;
  /** Extra bytes appended after the image (a polyglot). */
  trailer?: string;
  /** The formats stored per kind; default every format but the preview AVIF. */
  formats?: RenderOptions["formats"];
}

/** What the pipeline stores now (apps/workers/src/adapters/imaging.ts EAGER_FORMATS); the rest is lazy. */
export const PIPELINE_FORMATS = { thumb: ["avif"], medium: ["avif"], preview: ["avif"] } as const;

/**
 * A wallpaper with stored variants rendered by the real imaging code: by default thumb and medium in
 * every format and preview WebP/JPEG (as the pipeline once stored them, so tests can address stored
 * files of each format); `formats: PIPELINE_FORMATS` as it stores them now. The original blob, and
 * facts with the ThumbHash.
 */
export async function seedWallpaper(db: Database, blobs: BlobStore, path: string, options: SeedOptions = {}) {
  const source = await readFile(path);
  const bytes = options.trailer ? Buffer.concat([source, Buffer.from(options.trailer)]) : source;
  const id = randomUUID();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const originalKey = `originals/${sha256}`;
  await blobs.put(originalKey, bytes, { contentType: options.mimeType ?? "image/jpeg" });
  const rendered = await renderImageDerivatives(bytes, {
    formats: options.formats ?? { preview: ["webp", "jpeg"] },
  });
  await db.insert(wallpapers).values({
    id,
    sha256,
    mediaType: "image",
    mimeType: options.mimeType ?? "image/jpeg",
    originalKey,
    originalFilename: options.originalName ?? "garden.jpg",
    sizeBytes: bytes.length,
    width: rendered.width,
    height: rendered.height,
    moderation: options.moderation ?? "approved",
    processedAt: options.processed === false ? null : new Date(),
  });
  for (const variant of rendered.variants) {
    const key = variantKey(id, variant.kind, variant.format);
    await blobs.put(key, variant.data, { contentType: `image/${variant.format}` });
    await db.insert(variants).values({
      wallpaperId: id,
      kind: variant.kind,
      format: variant.format,
      width: variant.width,
      height: variant.height,
      sizeBytes: variant.data.length,
      storageKey: key,
      contentHash: variant.contentHash,
    });
  }
  await db.insert(wallpaperFacts).values({ wallpaperId: id, thumbhash: rendered.thumbhash });
  return { id, sha256, width: rendered.width, height: rendered.height, bytes, variants: rendered.variants };
}
