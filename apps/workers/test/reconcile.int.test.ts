import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { outbox, processingSteps, rateLimits, tags, uploads, wallpaperTags } from "@wallpaperdb/db";
import { corpusJpeg } from "@wallpaperdb/imaging/testing";
import { createFileStaging } from "@wallpaperdb/ingest/staging";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReport } from "../src/reconcile/report-table.ts";
import { type ReconcileDeps, runReconcile } from "../src/reconcile/run-reconcile.ts";
import {
  createPipelineHarness,
  insertWallpaper,
  type PipelineHarness,
  stepsOf,
  waitProcessed,
} from "./pipeline-harness.ts";

let harness: PipelineHarness;
let stagingDir: string;
let deps: ReconcileDeps;
// Every check acts on anything older than now: the test's leftovers are seconds old.
const now = () => new Date(Date.now() + 1000);
const settings = { orphanGraceMs: 0, unstartedAfterMs: 0, pendingStallMs: 60_000 };

beforeAll(async () => {
  harness = await createPipelineHarness();
  stagingDir = await mkdtemp(join(tmpdir(), "wpdb-reconcile-staging-"));
  deps = {
    db: harness.database.db,
    blobStore: harness.blobStore,
    staging: createFileStaging(stagingDir),
    logger: harness.deps.logger,
    ackWaitMs: 1000,
  };
});

afterAll(async () => {
  await harness?.cleanup();
  if (stagingDir) await rm(stagingDir, { recursive: true, force: true });
});

/** A committed wallpaper whose uploaded event never reached the bus (deleted before any relay ran). */
async function lostWallpaper(data: Buffer): Promise<string> {
  const id = await insertWallpaper(harness, { data, initSteps: true });
  await harness.database.db
    .delete(outbox)
    .where(sql`${outbox.payload}->>'wallpaperId' = ${id} and ${outbox.type} = 'wallpaper.uploaded.v1'`);
  return id;
}

describe("the reconciler", () => {
  let abandoned: string;
  let orphanKey: string;
  let neverStarted: string;
  let stuck: string;

  it("reports in dry-run and changes nothing", async () => {
    const [upload] = await harness.database.db
      .insert(uploads)
      .values({
        state: "receiving",
        declaredSize: 1000,
        receivedBytes: 400,
        expiresAt: new Date(Date.now() - 60_000),
      })
      .returning({ id: uploads.id });
    abandoned = upload?.id ?? "";
    await writeFile(join(stagingDir, abandoned), Buffer.alloc(400, 1));
    orphanKey = `originals/ab/${"ab".repeat(32)}`;
    await harness.blobStore.put(orphanKey, Buffer.from("bytes with no wallpaper row"));
    const original = await readFile(corpusJpeg());
    neverStarted = await lostWallpaper(original);
    // A worker died mid-step long ago: running, one attempt, its event gone.
    stuck = await lostWallpaper(Buffer.concat([original, Buffer.from("different sha")]));
    await harness.database.db
      .update(processingSteps)
      .set({ state: "running", attempts: 1, updatedAt: new Date(Date.now() - 10 * 60_000) })
      .where(and(eq(processingSteps.wallpaperId, stuck), eq(processingSteps.step, "variants")));

    // A sign-in counter from two days ago (its one-minute window long over) and one from just now.
    await harness.database.db.insert(rateLimits).values([
      {
        key: "sign-in:203.0.113.9:old@example.test",
        count: 3,
        windowStart: new Date(Date.now() - 2 * 86_400_000),
      },
      { key: "sign-in:203.0.113.9:new@example.test", count: 1, windowStart: new Date() },
    ]);

    const report = await runReconcile(deps, { ...settings, dryRun: true }, now());
    expect(report?.rateLimitsPruned).toBe(1);
    expect(report?.expired.map((u) => u.uploadId)).toEqual([abandoned]);
    expect(report?.orphanBlobs.map((b) => b.key)).toEqual([orphanKey]);
    expect(report?.unstarted.map((w) => w.wallpaperId)).toEqual([neverStarted]);
    expect(report?.stuckSteps.map((s) => [s.wallpaperId, s.step, s.state])).toEqual([
      [stuck, "variants", "running"],
    ]);
    const table = formatReport(report ?? expect.fail("no report"));
    expect(table).toMatch(/dry run[\s\S]*orphan blob .*would delete/);
    expect(table).toMatch(/old rate limits +rate_limits +1 counter past their window +would delete/);
    expect(await harness.database.db.select().from(rateLimits)).toHaveLength(2);
    expect(await readdir(stagingDir)).toContain(abandoned);
    expect(await harness.blobStore.head(orphanKey)).not.toBeNull();
  });

  it("runs in one process at a time", async () => {
    const [a, b] = await Promise.all([
      runReconcile(deps, { dryRun: true }),
      runReconcile(deps, { dryRun: true }),
    ]);
    expect([a, b].filter((r) => r === null)).toHaveLength(1);
  });

  it("expires, deletes orphans and old rate limits, and re-drives the never-started and the stuck wallpaper to processed", async () => {
    const report = await runReconcile(deps, settings, now());
    expect(report?.expired).toHaveLength(1);
    expect(report?.stuckSteps).toHaveLength(1);
    expect(report?.rateLimitsPruned).toBe(1);
    const counters = await harness.database.db.select({ key: rateLimits.key }).from(rateLimits);
    expect(counters.map((c) => c.key)).toEqual(["sign-in:203.0.113.9:new@example.test"]);
    const [upload] = await harness.database.db.select().from(uploads).where(eq(uploads.id, abandoned));
    expect(upload?.state).toBe("expired");
    expect(await readdir(stagingDir)).not.toContain(abandoned);
    expect(await harness.blobStore.head(orphanKey)).toBeNull();

    await harness.start();
    await waitProcessed(harness, [neverStarted, stuck], 60_000);
    const steps = await stepsOf(harness, stuck);
    expect(steps.every((s) => s.state === "done")).toBe(true);
    // A second round finds nothing left to do.
    const again = await runReconcile(deps, settings, now());
    expect(
      [again?.expired, again?.orphanBlobs, again?.unstarted, again?.stuckSteps].map((x) => x?.length),
    ).toEqual([0, 0, 0, 0]);
    expect(again?.rateLimitsPruned).toBe(0);
  });

  it("auto-tags a processed wallpaper apart from human tags", async () => {
    const autoTags = async () => {
      const rows = await harness.database.db
        .select({ name: tags.name })
        .from(wallpaperTags)
        .innerJoin(tags, eq(tags.id, wallpaperTags.tagId))
        .where(and(eq(wallpaperTags.wallpaperId, neverStarted), eq(wallpaperTags.source, "auto")));
      return rows.map((r) => r.name).sort();
    };
    const deadline = Date.now() + 20_000;
    while ((await autoTags()).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const names = await autoTags();
    // Aqua.jpg: 2560x1600 (16:10, QHD class), landscape.
    expect(names).toEqual(expect.arrayContaining(["landscape", "16x10"]));
    expect(names.some((n) => n === "dark" || n === "light")).toBe(true);
    expect(names).not.toContain("video");
  });
});
