import { type Database, type Executor, processingSteps, wallpapers } from "@wallpaperdb/db";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type MediaType, type StepName, type StepState, stepsFor } from "./steps.ts";

type ProgressState = Exclude<StepState, "skipped">;

export async function progress(
  tx: Executor,
  wallpaperId: string,
  step: StepName,
  state: ProgressState,
  attempts: number,
  error?: string,
): Promise<void> {
  await enqueueEvent(tx, "wallpaper.progress.v1", {
    wallpaperId,
    step,
    state,
    attempts,
    at: new Date().toISOString(),
    ...(error === undefined ? {} : { error: error.slice(0, 2000) }),
  });
}

/**
 * Creates the pending step rows a wallpaper needs. Idempotent and safe inside ingest's commit
 * transaction; the first pipeline handler calls it too, so neither side depends on the other's order.
 */
export async function initSteps(tx: Executor, wallpaperId: string, mediaType: MediaType): Promise<void> {
  const created = await tx
    .insert(processingSteps)
    .values(stepsFor(mediaType).map((step) => ({ wallpaperId, step })))
    .onConflictDoNothing()
    .returning({ step: processingSteps.step });
  for (const row of created) await progress(tx, wallpaperId, row.step as StepName, "pending", 0);
}

export type StartedStep =
  | { status: "started"; attempts: number }
  | { status: "already-done" }
  | { status: "no-wallpaper" };

/** Marks a step running (attempts + 1) unless it is already done; creates missing step rows first. */
export async function startStep(db: Database, wallpaperId: string, step: StepName): Promise<StartedStep> {
  return db.transaction(async (tx) => {
    const [wallpaper] = await tx
      .select({ mediaType: wallpapers.mediaType })
      .from(wallpapers)
      .where(eq(wallpapers.id, wallpaperId));
    if (!wallpaper) return { status: "no-wallpaper" };
    await initSteps(tx, wallpaperId, wallpaper.mediaType);
    const [row] = await tx
      .update(processingSteps)
      .set({
        state: "running",
        attempts: sql`${processingSteps.attempts} + 1`,
        startedAt: sql`now()`,
        finishedAt: null,
        updatedAt: sql`now()`,
      })
      .where(unfinished(wallpaperId, step))
      .returning({ attempts: processingSteps.attempts });
    if (!row) return { status: "already-done" };
    await progress(tx, wallpaperId, step, "running", row.attempts);
    return { status: "started", attempts: row.attempts };
  });
}

/** The step's row unless it is done: a done step is never started or failed again. */
const unfinished = (wallpaperId: string, step: StepName) =>
  and(
    eq(processingSteps.wallpaperId, wallpaperId),
    eq(processingSteps.step, step),
    ne(processingSteps.state, "done"),
  );

/**
 * Steps finishing at the same moment would each see the other still running; this row lock orders them,
 * and under READ COMMITTED the second one then sees the first one's commit. Take it FIRST in a step's
 * commit transaction: result rows reference the wallpaper (a key-share lock), and two transactions
 * upgrading those locks later would deadlock. NO KEY UPDATE leaves ingest's foreign keys unblocked.
 */
export async function lockWallpaper(tx: Executor, wallpaperId: string): Promise<boolean> {
  const rows = await tx.execute(
    sql`select 1 from ${wallpapers} where ${wallpapers.id} = ${wallpaperId} for no key update`,
  );
  // False: the wallpaper was deleted (there is nothing to lock or to write results for).
  return rows.length > 0;
}

/**
 * Marks a step done inside the caller's transaction (the one writing the step's results). When it was
 * the last step the wallpaper needed, sets processed_at once and enqueues `wallpaper.processed.v1`.
 */
export async function finishStep(
  tx: Executor,
  wallpaperId: string,
  step: StepName,
): Promise<{ processed: boolean }> {
  await lockWallpaper(tx, wallpaperId);
  const [row] = await tx
    .update(processingSteps)
    .set({ state: "done", lastError: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(processingSteps.wallpaperId, wallpaperId), eq(processingSteps.step, step)))
    .returning({ attempts: processingSteps.attempts });
  await progress(tx, wallpaperId, step, "done", row?.attempts ?? 0);
  const [open] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(processingSteps)
    .where(and(eq(processingSteps.wallpaperId, wallpaperId), ne(processingSteps.state, "done")));
  if ((open?.count ?? 0) > 0) return { processed: false };
  const [marked] = await tx
    .update(wallpapers)
    .set({ processedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(wallpapers.id, wallpaperId), isNull(wallpapers.processedAt)))
    .returning({ processedAt: wallpapers.processedAt });
  if (!marked?.processedAt) return { processed: false };
  await enqueueEvent(tx, "wallpaper.processed.v1", {
    wallpaperId,
    processedAt: marked.processedAt.toISOString(),
  });
  return { processed: true };
}

/**
 * Records a failed attempt. `final`: the step is failed for good (bad file, or out of deliveries);
 * otherwise it goes back to pending with the error, waiting for the consumer's retry.
 */
export async function failStep(
  db: Database,
  wallpaperId: string,
  step: StepName,
  error: string,
  final: boolean,
): Promise<void> {
  const state = final ? "failed" : "pending";
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(processingSteps)
      .set({
        state,
        lastError: error.slice(0, 10_000),
        finishedAt: final ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(unfinished(wallpaperId, step))
      .returning({ attempts: processingSteps.attempts });
    if (row) await progress(tx, wallpaperId, step, state, row.attempts, error);
  });
}
