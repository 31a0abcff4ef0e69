import { AppError } from "@wallpaperdb/core/errors";
import type { Database } from "@wallpaperdb/db";
import { wallpaperDetections, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import {
  autoTagNames,
  ensureTags,
  MAX_TAGS_PER_WALLPAPER,
  setAutoTags,
  systemActor,
} from "@wallpaperdb/tags";
import { eq } from "drizzle-orm";

export interface AutotagDeps {
  db: Database;
}

/**
 * Auto-derived tags (source `auto`, apart from human tags) from a processed wallpaper's facts and
 * named colours. setAutoTags replaces only the auto rows with the list computed now, so a redelivery or a
 * reprocess leaves exactly the current facts' tags.
 */
export async function handleProcessedAutotag(
  deps: AutotagDeps,
  event: EventEnvelope<"wallpaper.processed.v1">,
): Promise<HandlerResult> {
  return refreshAutoTags(deps, event.data.wallpaperId);
}

/** Sets one wallpaper's auto tags from its current facts and named colours (also the colour-names backfill). */
export async function refreshAutoTags(deps: AutotagDeps, wallpaperId: string): Promise<HandlerResult> {
  const [row] = await deps.db
    .select({
      mediaType: wallpapers.mediaType,
      colorNames: wallpapers.colorNames,
      detectedTagNames: wallpaperDetections.tagNames,
      facts: wallpaperFacts,
    })
    .from(wallpapers)
    .leftJoin(wallpaperFacts, eq(wallpaperFacts.wallpaperId, wallpapers.id))
    .leftJoin(wallpaperDetections, eq(wallpaperDetections.wallpaperId, wallpapers.id))
    .where(eq(wallpapers.id, wallpaperId));
  if (!row) return { status: "skipped", reason: "wallpaper no longer exists" };
  const names = autoTagNames({
    mediaType: row.mediaType,
    resolutionClass: row.facts?.resolutionClass ?? null,
    aspectName: row.facts?.aspectName ?? null,
    orientation: row.facts?.orientation ?? null,
    brightness: row.facts?.brightness ?? null,
    monochrome: row.facts?.monochrome ?? null,
    colorNames: row.colorNames,
    detectedTagNames: row.detectedTagNames,
  });
  try {
    // What is in the picture is its subject; the other auto tags are created as `meta` (setAutoTags).
    const detected = row.detectedTagNames ?? [];
    if (detected.length > 0)
      await deps.db.transaction((tx) => ensureTags(tx, detected, systemActor, "subject"));
    await setAutoTags(deps.db, wallpaperId, names, systemActor);
  } catch (error) {
    // Curators' tags come first: a wallpaper they filled to the limit keeps them and gets no auto tags
    // (its facts stay searchable as facts). Retrying could not change that, so the event is done with.
    if (isTooManyTags(error)) {
      return { status: "skipped", reason: `the wallpaper is at the ${MAX_TAGS_PER_WALLPAPER}-tag limit` };
    }
    throw error;
  }
  return { status: "done" };
}

const isTooManyTags = (error: unknown) =>
  error instanceof AppError &&
  error.code === "validation_failed" &&
  error.details?.reason === "too_many_tags";
