import { outbox, processingSteps, variants, wallpapers } from "@wallpaperdb/db";
import type { Database } from "@wallpaperdb/db/client";
import { stepsFor } from "@wallpaperdb/pipeline";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";

/** Variants the pipeline stores per image: thumb, medium and preview AVIF (others are rendered lazily). */
const VARIANTS_PER_IMAGE = 3;

export interface ProcessingTally {
  uploads: number;
  processed: number;
  /** Uploads never processed. */
  lost: number;
  /** Extra `wallpaper.processed.v1` events: a wallpaper announced twice. */
  duplicates: number;
  /** Step rows not `done`, and step rows beyond one per needed step. */
  stepsNotDone: number;
  extraSteps: number;
  /** Wallpapers whose stored variants are not exactly the expected set. */
  wrongVariants: number;
  /** Outbox rows the relay did not publish within 30 s (waitOutboxDrained throws first if any stay). */
  unpublished: number;
}

/** What "every upload processed exactly once in effect" means, counted from the database. */
export async function tallyProcessing(db: Database, ids: readonly string[]): Promise<ProcessingTally> {
  const only = inArray(wallpapers.id, [...ids]);
  const [processed] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(wallpapers)
    .where(and(only, isNotNull(wallpapers.processedAt)));
  const steps = await db
    .select({ state: processingSteps.state, count: sql<number>`count(*)::int` })
    .from(processingSteps)
    .where(inArray(processingSteps.wallpaperId, [...ids]))
    .groupBy(processingSteps.state);
  const stepRows = steps.reduce((sum, row) => sum + row.count, 0);
  const [variantSets] = await db
    .select({ wrong: sql<number>`count(*) filter (where n <> ${VARIANTS_PER_IMAGE})::int` })
    .from(
      db
        .select({ n: sql<number>`count(${variants.wallpaperId})`.as("n") })
        .from(wallpapers)
        .leftJoin(variants, eq(variants.wallpaperId, wallpapers.id))
        .where(only)
        .groupBy(wallpapers.id)
        .as("sets"),
    );
  const [events] = await db
    .select({
      count: sql<number>`count(*)::int`,
      distinct: sql<number>`count(distinct ${outbox.payload}->>'wallpaperId')::int`,
    })
    .from(outbox)
    .where(eq(outbox.type, "wallpaper.processed.v1"));
  // Events keep coming after the last step (tag changes, index updates): the relay must publish them
  // all within the wait, or a row is stuck.
  const unpublished = await waitOutboxDrained(db);
  const needed = ids.length * stepsFor("image").length;
  const done = steps.find((row) => row.state === "done")?.count ?? 0;
  return {
    uploads: ids.length,
    processed: processed?.count ?? 0,
    lost: ids.length - (processed?.count ?? 0),
    duplicates: (events?.count ?? 0) - (events?.distinct ?? 0),
    stepsNotDone: stepRows - done,
    extraSteps: Math.max(0, stepRows - needed),
    wrongVariants: variantSets?.wrong ?? 0,
    unpublished,
  };
}

/** The tally every exactly-once test expects. */
export function cleanTally(uploads: number): ProcessingTally {
  return {
    uploads,
    processed: uploads,
    lost: 0,
    duplicates: 0,
    stepsNotDone: 0,
    extraSteps: 0,
    wrongVariants: 0,
    unpublished: 0,
  };
}

/** Resolves (with 0) once the relay has published every outbox row (the last events trail the last step). */
export async function waitOutboxDrained(db: Database, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(outbox)
      .where(isNull(outbox.publishedAt));
    if ((row?.count ?? 0) === 0) return 0;
    if (Date.now() > deadline) throw new Error(`${row?.count} outbox rows still unpublished`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
