import { type Database, processingSteps, wallpapers } from "@wallpaperdb/db";
import { and, eq, lt, sql } from "drizzle-orm";
import { progress } from "./step-state.ts";
import { enqueueStepTrigger, triggerOf } from "./step-triggers.ts";
import { prerequisitesOf, type StepName, stepNeeds } from "./steps.ts";

export interface StuckStepOptions {
  /** A step `running` for longer than this lost its worker (the brief: 3x the consumer's ack wait). */
  runningForMs: number;
  /** A `pending` step that could run, untouched for longer than this, lost its event (retries included). */
  pendingForMs: number;
  dryRun?: boolean;
  limit?: number;
}

export interface StuckStep {
  wallpaperId: string;
  step: StepName;
  state: "running" | "pending";
  attempts: number;
  since: Date;
  /** The event re-enqueued (or that would be) to run the step again. */
  event: string;
}

const done = (step: StepName) =>
  sql`exists (select 1 from processing_steps p where p.wallpaper_id = ${processingSteps.wallpaperId} and p.step = ${step} and p.state = 'done')`;

// A step can run once the steps before it are done; before that its own event cannot exist yet.
const ready = sql`(${sql.join(
  stepNeeds.map(
    ({ step, mediaType }) =>
      sql`(${sql.join(
        [
          sql`${processingSteps.step} = ${step}`,
          sql`${wallpapers.mediaType} = ${mediaType}`,
          ...prerequisitesOf(mediaType, step).map(done),
        ],
        sql` and `,
      )})`,
  ),
  sql` or `,
)})`;

// Wallpapers none of whose steps ever ran are ingest's re-drive (redriveUnprocessedWallpapers).
const started = sql`exists (select 1 from processing_steps p where p.wallpaper_id = ${processingSteps.wallpaperId} and p.attempts > 0)`;

/**
 * Steps whose worker died without a redelivery (running too long) or whose event was lost (pending and
 * runnable for too long): each goes back to pending and its triggering event is enqueued again, in one
 * transaction, guarded on the state it was found in. Handlers skip steps already done, so a duplicate
 * event is harmless.
 */
export async function redriveStuckSteps(
  db: Database,
  now: Date,
  options: StuckStepOptions,
): Promise<StuckStep[]> {
  const runningBefore = new Date(now.getTime() - options.runningForMs);
  const pendingBefore = new Date(now.getTime() - options.pendingForMs);
  const rows = await db
    .select({ step: processingSteps, wallpaper: wallpapers })
    .from(processingSteps)
    .innerJoin(wallpapers, eq(wallpapers.id, processingSteps.wallpaperId))
    .where(
      sql`${wallpapers.processedAt} is null and (
        (${processingSteps.state} = 'running' and ${processingSteps.updatedAt} < ${runningBefore.toISOString()}::timestamptz)
        or (${processingSteps.state} = 'pending' and ${processingSteps.updatedAt} < ${pendingBefore.toISOString()}::timestamptz and ${ready} and ${started}))`,
    )
    .orderBy(processingSteps.updatedAt)
    .limit(options.limit ?? 500);
  const found: StuckStep[] = [];
  for (const { step, wallpaper } of rows) {
    const stuck: StuckStep = {
      wallpaperId: wallpaper.id,
      step: step.step as StepName,
      state: step.state === "running" ? "running" : "pending",
      attempts: step.attempts,
      since: step.updatedAt,
      event: triggerOf(wallpaper.mediaType, step.step as StepName),
    };
    if (!options.dryRun) {
      const moved = await db.transaction(async (tx) => {
        const [reset] = await tx
          .update(processingSteps)
          .set({
            state: "pending",
            lastError: `re-driven by the reconciler (${stuck.state} since ${stuck.since.toISOString()})`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(processingSteps.wallpaperId, wallpaper.id),
              eq(processingSteps.step, step.step),
              eq(processingSteps.state, step.state),
              // Untouched since it was found (timestamps compare in microseconds, so no equality here).
              lt(processingSteps.updatedAt, stuck.state === "running" ? runningBefore : pendingBefore),
            ),
          )
          .returning({ attempts: processingSteps.attempts });
        if (!reset) return false;
        await progress(tx, wallpaper.id, stuck.step, "pending", reset.attempts);
        await enqueueStepTrigger(tx, wallpaper, stuck.step);
        return true;
      });
      if (!moved) continue;
    }
    found.push(stuck);
  }
  return found;
}
