import type { Logger } from "@wallpaperdb/core/logger";
import { type Database, type Executor, wallpapers } from "@wallpaperdb/db";
import type { HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import {
  BadMediaError,
  failStep,
  finishStep,
  lockWallpaper,
  type StepName,
  startStep,
} from "@wallpaperdb/pipeline";
import { recordStepDuration, recordStepFailure } from "@wallpaperdb/telemetry";
import { eq } from "drizzle-orm";

/** Deliveries per pipeline event before the step is failed for good (the consumer's maxDeliver). */
export const PIPELINE_MAX_DELIVER = 5;

export interface StepDeps {
  db: Database;
  logger: Logger;
}

/** The step's outputs are stored; this writes its rows, in the transaction that marks it done. */
export type CommitResults = (tx: Executor) => Promise<void>;

async function wallpaperExists(db: Database, wallpaperId: string): Promise<boolean> {
  const [row] = await db.select({ id: wallpapers.id }).from(wallpapers).where(eq(wallpapers.id, wallpaperId));
  return row !== undefined;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The state machine around one step. Blobs are written before the transaction (deterministic keys, so
 * a crash in between only leaves blobs the rerun overwrites); rows, the step's `done` and the next
 * event commit together. A bad file fails the step at once; anything else is thrown for the consumer's
 * retry with backoff, and the last allowed delivery marks the step failed with its error.
 */
export async function runStep(
  deps: StepDeps,
  wallpaperId: string,
  step: StepName,
  ctx: Pick<HandlerContext, "deliveryCount">,
  work: () => Promise<CommitResults>,
  /** Undoes what `work` stored when the wallpaper was deleted while it ran (its blobs). */
  onDeleted?: () => Promise<void>,
): Promise<HandlerResult> {
  const started = await startStep(deps.db, wallpaperId, step);
  // Events are written in the wallpaper's own transaction, so a missing row means it was deleted.
  if (started.status === "no-wallpaper") return { status: "skipped", reason: "wallpaper no longer exists" };
  if (started.status === "already-done") return { status: "skipped", reason: `${step} already done` };
  const startedAt = performance.now();
  // Deleted while the step ran: blob-cleanup may already have run, so what the step stored goes now.
  const deletedMidway = async (): Promise<HandlerResult> => {
    await onDeleted?.();
    return { status: "skipped", reason: "wallpaper deleted while the step ran" };
  };
  try {
    const commit = await work();
    const committed = await deps.db.transaction(async (tx) => {
      if (!(await lockWallpaper(tx, wallpaperId))) return false;
      await commit(tx);
      await finishStep(tx, wallpaperId, step);
      return true;
    });
    if (!committed) return await deletedMidway();
    recordStepDuration(step, performance.now() - startedAt);
    return { status: "done" };
  } catch (error) {
    // The wallpaper deleted under the step (its original gone, its rows' foreign keys refused): the
    // same outcome as finding it gone at the commit, not a failure to retry.
    // (When the database is what failed, the step is presumed to still have its wallpaper.)
    if (!(await wallpaperExists(deps.db, wallpaperId).catch(() => true))) return await deletedMidway();
    recordStepFailure(step);
    const permanent = error instanceof BadMediaError;
    const final = permanent || ctx.deliveryCount >= PIPELINE_MAX_DELIVER;
    try {
      await failStep(deps.db, wallpaperId, step, reasonOf(error), final);
    } catch (recordError) {
      // The database may be what failed; the consumer still retries or records the event failure.
      deps.logger.warn({ err: recordError, wallpaperId, step }, "could not record the step failure");
    }
    if (permanent) return { status: "failed", reason: reasonOf(error), retryable: false };
    throw error;
  }
}
