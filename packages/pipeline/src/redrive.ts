import { type Executor, processingSteps, wallpapers } from "@wallpaperdb/db";
import { inArray, sql } from "drizzle-orm";
import { drivableSteps, enqueueStepTrigger, triggerOf } from "./step-triggers.ts";
import { type TriggerTarget, triggerTargetColumns } from "./trigger-events.ts";

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
      ...triggerTargetColumns,
      states: sql<Record<string, string>>`(select coalesce(json_object_agg(p.step, p.state), '{}'::json)
        from ${processingSteps} p where p.wallpaper_id = ${wallpapers.id})`,
    })
    .from(wallpapers)
    .where(inArray(wallpapers.id, [...wallpaperIds]));
}

/**
 * Enqueues the triggering events of each wallpaper's drivable steps (the rule the reconciler's
 * stuck-step re-drive shares); returns how many were written.
 */
export async function redrive(tx: Executor, wallpaperIds: readonly string[]): Promise<number> {
  let enqueued = 0;
  for (const target of await loadTargets(tx, [...new Set(wallpaperIds)])) {
    // Steps that share a triggering event (quality and color) are driven by one copy of it.
    const events = new Map(
      drivableSteps(target.mediaType, target.states).map((step) => [triggerOf(target.mediaType, step), step]),
    );
    for (const step of events.values()) {
      await enqueueStepTrigger(tx, target, step);
      enqueued += 1;
    }
  }
  return enqueued;
}
