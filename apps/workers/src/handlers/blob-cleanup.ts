import type { Database } from "@wallpaperdb/db";
import { wallpapers } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { BlobStore } from "@wallpaperdb/storage";
import { eq } from "drizzle-orm";

export interface BlobCleanupDeps {
  db: Database;
  blobStore: BlobStore;
}

/** Every blob the pipeline and the media routes write for a wallpaper lives under one of these. */
export const wallpaperBlobPrefixes = (wallpaperId: string) => [
  `variants/${wallpaperId}/`,
  `derived/${wallpaperId}/`,
  `renditions/${wallpaperId}/`,
];

/**
 * The files of a deleted wallpaper: its derived blobs (variants, analysis, poster, clip, cached
 * renditions), then its original unless the same bytes were uploaded again since (the key is
 * content-addressed: a new wallpaper with this sha256 uses the same original).
 * Deletes are idempotent, so a redelivery finishes what a crash interrupted. A step that was in flight
 * during the delete and stores a blob afterwards leaves it behind (its commit fails on the missing row);
 * the reconciler's orphan sweep covers originals, not those.
 */
export async function handleDeletedBlobCleanup(
  deps: BlobCleanupDeps,
  event: EventEnvelope<"wallpaper.deleted.v1">,
): Promise<HandlerResult> {
  const { wallpaperId, sha256, originalKey } = event.data;
  for (const prefix of wallpaperBlobPrefixes(wallpaperId)) {
    for await (const blob of deps.blobStore.list(prefix)) await deps.blobStore.delete(blob.key);
  }
  const [uploadedAgain] = await deps.db
    .select({ id: wallpapers.id })
    .from(wallpapers)
    .where(eq(wallpapers.sha256, sha256))
    .limit(1);
  if (!uploadedAgain) await deps.blobStore.delete(originalKey);
  return { status: "done" };
}
