import { type Executor, processingSteps, wallpapers } from "@wallpaperdb/db";
import { drivableSteps, enqueueStepTrigger, type TriggerTarget } from "@wallpaperdb/pipeline";
import { inArray, sql } from "drizzle-orm";

/** A wallpaper with the state of each of its step rows (after the caller's reset). */
export interface RedriveTarget extends TriggerTarget {
  /** A step without a row is absent. */
  states: Record<string, string>;
}

/** Loads the wallpapers with their step states, for the ids the caller just reset. */
export async function loadTargets(tx: Executor, wallpaperIds: readonly string[]): Promise<RedriveTarget[]> {
  if (wallpaperIds.length === 0) return [];
  return tx
    .select({
      id: wallpapers.id,
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

/**
 * Enqueues the triggering events of each wallpaper's drivable steps (the pipeline's rule, shared with
 * the reconciler's stuck-step re-drive); returns how many were written.
 */
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
