import type { Database } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import { deleteOriginalIfUnused } from "@wallpaperdb/ingest";
import type { BlobStore } from "@wallpaperdb/storage";
import { removeWallpaperBlobs } from "../adapters/blobs.ts";

export interface BlobCleanupDeps {
  db: Database;
  blobStore: BlobStore;
}

/**
 * The files of a deleted wallpaper: its derived blobs (variants, analysis, poster, clip, cached
 * renditions), then its original unless the same bytes were uploaded again since (the key is
 * content-addressed: a new wallpaper with this sha256 uses the same original).
 * Deletes are idempotent, so a redelivery finishes what a crash interrupted. A step in flight during
 * the delete finds the row gone at its commit and removes what it stored itself (runStep's onDeleted).
 */
export async function handleDeletedBlobCleanup(
  deps: BlobCleanupDeps,
  event: EventEnvelope<"wallpaper.deleted.v1">,
): Promise<HandlerResult> {
  const { wallpaperId, sha256, originalKey } = event.data;
  await removeWallpaperBlobs(deps.blobStore, wallpaperId);
  // An identical upload committing now either is seen there or finds the original gone inside its
  // own locked commit and stores it again.
  await deleteOriginalIfUnused(deps.db, deps.blobStore, sha256, originalKey);
  return { status: "done" };
}
