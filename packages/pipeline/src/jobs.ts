import type { Database } from "@wallpaperdb/db";
import { processingSteps, wallpapers } from "@wallpaperdb/db";
import { and, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { redrive } from "./redrive.ts";
import { mediaTypesOf, pipelineSteps, type StepName, stepNeeds } from "./steps.ts";

// The steps each media type needs, as rows of (step, media_type) for the queries below.
const stepNeedsRows = sql.join(
  stepNeeds.map(({ step, mediaType }) => sql`(${step}, ${mediaType}::media_type)`),
  sql`, `,
);

export interface StepSummary {
  step: StepName;
  pending: number;
  running: number;
  done: number;
  failed: number;
  /** Wallpapers that need the step but have no row for it (e.g. a step added after they were processed). */
  missing: number;
}

/** Per-step counts for the jobs page: one grouped scan of processing_steps plus the missing rows. */
export async function jobsSummary(db: Database): Promise<StepSummary[]> {
  const [states, missing] = await Promise.all([
    db
      .select({ step: processingSteps.step, state: processingSteps.state, n: count() })
      .from(processingSteps)
      .groupBy(processingSteps.step, processingSteps.state),
    db.execute<{ step: string; n: number }>(sql`
      select s.step, count(*)::int as n
      from ${wallpapers} w
      join (values ${stepNeedsRows}) as s(step, media_type) on s.media_type = w.media_type
      where not exists (select 1 from ${processingSteps} p where p.wallpaper_id = w.id and p.step = s.step)
      group by s.step`),
  ]);
  return pipelineSteps.map((step) => {
    const of = (state: string) => states.find((row) => row.step === step && row.state === state)?.n ?? 0;
    return {
      step,
      pending: of("pending"),
      running: of("running"),
      done: of("done") + of("skipped"),
      failed: of("failed"),
      missing: missing.find((row) => row.step === step)?.n ?? 0,
    };
  });
}

export interface FailedStepsQuery {
  step?: StepName;
  limit: number;
  offset: number;
}

/** Failed steps, most recent failure first, with what the last attempt said. */
export async function listFailedSteps(db: Database, query: FailedStepsQuery) {
  const where = and(
    eq(processingSteps.state, "failed"),
    query.step ? eq(processingSteps.step, query.step) : undefined,
  );
  const [items, totals] = await Promise.all([
    db
      .select({
        wallpaperId: processingSteps.wallpaperId,
        step: processingSteps.step,
        attempts: processingSteps.attempts,
        lastError: processingSteps.lastError,
        failedAt: processingSteps.updatedAt,
        mediaType: wallpapers.mediaType,
        originalFilename: wallpapers.originalFilename,
      })
      .from(processingSteps)
      .innerJoin(wallpapers, eq(wallpapers.id, processingSteps.wallpaperId))
      .where(where)
      .orderBy(desc(processingSteps.updatedAt), processingSteps.wallpaperId, processingSteps.step)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(processingSteps).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export interface RedriveResult {
  /** Step rows put back to pending. */
  reset: number;
  /** Triggering events written to the outbox: at most one per wallpaper. */
  enqueued: number;
}

/**
 * Puts failed steps back to pending and enqueues their triggering event, in one transaction: the
 * outbox row exists exactly when the reset does, so a crash never leaves a pending step nobody drives.
 */
export async function retryFailedSteps(
  db: Database,
  filter: { step?: StepName; wallpaperIds?: readonly string[] },
): Promise<RedriveResult> {
  return db.transaction(async (tx) => {
    const reset = await tx
      .update(processingSteps)
      .set({ state: "pending", lastError: null, finishedAt: null, updatedAt: sql`now()` })
      .where(
        and(
          eq(processingSteps.state, "failed"),
          filter.step ? eq(processingSteps.step, filter.step) : undefined,
          filter.wallpaperIds ? inArray(processingSteps.wallpaperId, [...filter.wallpaperIds]) : undefined,
        ),
      )
      .returning({ wallpaperId: processingSteps.wallpaperId });
    const enqueued = await redrive(
      tx,
      reset.map((row) => row.wallpaperId),
    );
    return { reset: reset.length, enqueued };
  });
}

/**
 * Runs a step again. "all": every wallpaper that has it, done or not (e.g. after improving the step);
 * "missing": only where it is absent, failed, or pending for long. Running rows are left alone either way, since
 * a worker holds them. Processed wallpapers stay visible meanwhile: processed_at is not cleared.
 */
export async function rerunStep(
  db: Database,
  input: { step: StepName; scope: "all" | "missing" },
): Promise<RedriveResult> {
  return db.transaction(async (tx) => {
    // Missing rows first (as initSteps would create them), so both scopes then reset the same way.
    const created = await tx.execute<{ wallpaper_id: string }>(sql`
      insert into ${processingSteps} (wallpaper_id, step)
      select ${wallpapers.id}, ${input.step} from ${wallpapers}
      where ${inArray(wallpapers.mediaType, mediaTypesOf(input.step))}
      on conflict do nothing
      returning wallpaper_id`);
    const states =
      input.scope === "all" ? (["done", "failed", "pending", "skipped"] as const) : (["failed"] as const);
    const reset = await tx
      .update(processingSteps)
      .set({ state: "pending", lastError: null, finishedAt: null, updatedAt: sql`now()` })
      .where(and(eq(processingSteps.step, input.step), inArray(processingSteps.state, [...states])))
      .returning({ wallpaperId: processingSteps.wallpaperId });
    const pending =
      input.scope === "missing"
        ? await tx
            .select({ wallpaperId: processingSteps.wallpaperId })
            .from(processingSteps)
            .where(
              and(
                eq(processingSteps.step, input.step),
                eq(processingSteps.state, "pending"),
                // Fresh pending rows are usually still on their way (retry backoff, upstream running).
                lt(processingSteps.updatedAt, sql`now() - interval '10 minutes'`),
              ),
            )
        : [];
    const ids = [
      ...created.map((row) => row.wallpaper_id),
      ...reset.map((row) => row.wallpaperId),
      ...pending.map((row) => row.wallpaperId),
    ];
    const enqueued = await redrive(tx, ids);
    return { reset: new Set(ids).size, enqueued };
  });
}
