import { type Executor, processingSteps, wallpapers } from "@wallpaperdb/db";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { analysisKey, type MediaType, posterKey, type StepName, stepsFor } from "@wallpaperdb/pipeline";
import { inArray, sql } from "drizzle-orm";

/** What the triggering events of the pipeline need to know about a wallpaper. */
export interface RedriveTarget {
  wallpaperId: string;
  sha256: string;
  mediaType: MediaType;
  mimeType: string;
  originalKey: string;
  width: number;
  height: number;
  /** State of each step row (after the caller's reset); a step without a row is absent. */
  states: Record<string, string>;
}

function prerequisites(mediaType: MediaType, step: StepName): StepName[] {
  if (step === "poster") return [];
  if (step === "variants") return mediaType === "video" ? ["poster"] : [];
  return ["variants"];
}

/**
 * The steps that can run now: pending (or without a row) with every prerequisite done. Driving only
 * those is enough, since each step emits the next one's event when it finishes; a step behind a
 * failed or running one is left to that one. Image and video chains make this at most one event.
 */
export function drivableSteps(mediaType: MediaType, states: Record<string, string>): StepName[] {
  return stepsFor(mediaType).filter(
    (step) =>
      (states[step] ?? "pending") === "pending" &&
      prerequisites(mediaType, step).every((before) => states[before] === "done"),
  );
}

/** Enqueues the event that triggers `step` for this wallpaper, in the caller's transaction. */
export async function enqueueStepTrigger(tx: Executor, target: RedriveTarget, step: StepName): Promise<void> {
  const { wallpaperId } = target;
  switch (step) {
    case "poster":
      await enqueueUploaded(tx, target);
      return;
    case "variants":
      // A video's variants are rendered from its poster frame, an image's from the original.
      if (target.mediaType === "video") {
        await enqueueEvent(tx, "wallpaper.poster.ready.v1", {
          wallpaperId,
          posterKey: posterKey(wallpaperId),
        });
      } else {
        await enqueueUploaded(tx, target);
      }
      return;
    case "quality":
    case "color":
      // Both consume the same event; the one already done skips it.
      await enqueueEvent(tx, "wallpaper.variants.ready.v1", {
        wallpaperId,
        analysisKey: analysisKey(wallpaperId),
      });
      return;
    default: {
      const unknown: never = step;
      throw new Error(`no trigger for step ${String(unknown)}`);
    }
  }
}

async function enqueueUploaded(tx: Executor, target: RedriveTarget): Promise<void> {
  await enqueueEvent(tx, "wallpaper.uploaded.v1", {
    wallpaperId: target.wallpaperId,
    sha256: target.sha256,
    mediaType: target.mediaType,
    mimeType: target.mimeType,
    originalKey: target.originalKey,
    width: target.width,
    height: target.height,
  });
}

/** Loads the wallpapers with their step states, for the ids the caller just reset. */
export async function loadTargets(tx: Executor, wallpaperIds: readonly string[]): Promise<RedriveTarget[]> {
  if (wallpaperIds.length === 0) return [];
  return tx
    .select({
      wallpaperId: wallpapers.id,
      sha256: wallpapers.sha256,
      mediaType: wallpapers.mediaType,
      mimeType: wallpapers.mimeType,
      originalKey: wallpapers.originalKey,
      width: wallpapers.width,
      height: wallpapers.height,
      states: sql<Record<string, string>>`(select coalesce(json_object_agg(p.step, p.state), '{}'::json)
        from ${processingSteps} p where p.wallpaper_id = ${wallpapers.id})`,
    })
    .from(wallpapers)
    .where(inArray(wallpapers.id, [...wallpaperIds]));
}

/** Enqueues the triggering events of each wallpaper's drivable steps; returns how many were written. */
export async function redrive(tx: Executor, wallpaperIds: readonly string[]): Promise<number> {
  let enqueued = 0;
  for (const target of await loadTargets(tx, [...new Set(wallpaperIds)])) {
    const steps = drivableSteps(target.mediaType, target.states);
    // quality and color share one event: drive it once.
    const distinct = steps.filter((step, index) => !(step === "color" && steps[index - 1] === "quality"));
    for (const step of distinct) {
      await enqueueStepTrigger(tx, target, step);
      enqueued += 1;
    }
  }
  return enqueued;
}
