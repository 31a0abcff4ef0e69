import { type Executor, wallpapers } from "@wallpaperdb/db";
import type { EventPayload } from "@wallpaperdb/events";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { analysisKey, posterKey } from "./keys.ts";
import type { MediaType } from "./steps.ts";

/** What the pipeline's triggering events carry about a wallpaper (a `wallpapers` row fits). */
export interface TriggerTarget {
  id: string;
  sha256: string;
  mediaType: MediaType;
  mimeType: string;
  originalKey: string;
  width: number;
  height: number;
}

/** The `wallpapers` columns a TriggerTarget is made of, for a select or an insert's returning. */
export const triggerTargetColumns = {
  id: wallpapers.id,
  sha256: wallpapers.sha256,
  mediaType: wallpapers.mediaType,
  mimeType: wallpapers.mimeType,
  originalKey: wallpapers.originalKey,
  width: wallpapers.width,
  height: wallpapers.height,
};

/** The `wallpaper.uploaded.v1` payload: what every step of the pipeline may need to know about the original. */
export function uploadedPayload(wallpaper: TriggerTarget): EventPayload<"wallpaper.uploaded.v1"> {
  return {
    wallpaperId: wallpaper.id,
    sha256: wallpaper.sha256,
    mediaType: wallpaper.mediaType,
    mimeType: wallpaper.mimeType,
    originalKey: wallpaper.originalKey,
    width: wallpaper.width,
    height: wallpaper.height,
  };
}

/**
 * Enqueues `wallpaper.uploaded.v1`, the event that starts a wallpaper's pipeline, in the caller's
 * transaction. Ingest's commit, the reconciler and every re-drive send it through here.
 */
export async function enqueueUploaded(tx: Executor, wallpaper: TriggerTarget): Promise<void> {
  await enqueueEvent(tx, "wallpaper.uploaded.v1", uploadedPayload(wallpaper));
}

/** A video's poster frame is stored under its deterministic key: its image steps can start. */
export async function enqueuePosterReady(tx: Executor, wallpaperId: string): Promise<void> {
  await enqueueEvent(tx, "wallpaper.poster.ready.v1", { wallpaperId, posterKey: posterKey(wallpaperId) });
}

/** The variants and the analysis are stored: quality and color can start. */
export async function enqueueVariantsReady(tx: Executor, wallpaperId: string): Promise<void> {
  await enqueueEvent(tx, "wallpaper.variants.ready.v1", {
    wallpaperId,
    analysisKey: analysisKey(wallpaperId),
  });
}
