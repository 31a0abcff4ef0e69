import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { outbox, processingSteps, variants } from "@wallpaperdb/db";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WORKER_MALLOC_ENV, WORKER_NODE_FLAGS } from "../src/process-settings.ts";
import {
  createPipelineHarness,
  insertWallpaper,
  listBlobs,
  type PipelineHarness,
  waitProcessed,
} from "./pipeline-harness.ts";

const mainPath = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const COUNT = 50;
let harness: PipelineHarness;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  harness = await createPipelineHarness();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await harness?.cleanup();
});

function startWorker(id: string): ChildProcess {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, mainPath], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      DATABASE_URL: harness.database.url,
      NATS_URL: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
      EVENTS_NAMESPACE: harness.bus.names.namespace,
      BLOB_STORE: "local",
      BLOB_DIR: harness.blobDir,
      BLOB_SIGNING_SECRET: "pipeline-test-signing-secret",
      WORKERS_HEALTH_PORT: "0",
      WORKER_ID: id,
      // A killed worker's events come back after this, instead of the default 30 s.
      WORKERS_ACK_WAIT_MS: "3000",
      ...WORKER_MALLOC_ENV,
      PIPELINE_IMAGE_CONCURRENCY: "2",
    },
    stdio: ["ignore", "ignore", "ignore"],
  });
  children.add(child);
  return child;
}

/** Noise: every image distinct, so no near-duplicate links and non-trivial encodes. */
function noiseImage(): Promise<Buffer> {
  const width = 320;
  const height = 200;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("processes every upload exactly once in effect while workers are killed -9 and restarted", async () => {
  const workers = [startWorker("fault-a"), startWorker("fault-b")];
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i++) ids.push(await insertWallpaper(harness, { data: await noiseImage() }));

  let kills = 0;
  for (let round = 0; round < 4; round++) {
    await sleep(800 + Math.floor(Math.random() * 1500));
    const victim = Math.floor(Math.random() * workers.length);
    const child = workers[victim];
    if (!child) continue;
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
    kills++;
    workers[victim] = startWorker(`fault-${round}`);
  }
  expect(kills).toBe(4);
  await waitProcessed(harness, ids, 100_000);

  const db = harness.database.db;
  const steps = await db
    .select({ state: processingSteps.state, count: sql<number>`count(*)::int` })
    .from(processingSteps)
    .groupBy(processingSteps.state);
  expect(steps).toEqual([{ state: "done", count: COUNT * 4 }]);
  const perWallpaper = await db
    .select({ wallpaperId: variants.wallpaperId, count: sql<number>`count(*)::int` })
    .from(variants)
    .groupBy(variants.wallpaperId);
  expect(perWallpaper).toHaveLength(COUNT);
  // thumb, medium and preview AVIF (WebP and JPEG are rendered lazily by the media route).
  expect(perWallpaper.every((row) => row.count === 3)).toBe(true);
  const blobs = await listBlobs(harness.blobStore, "variants/");
  expect(blobs).toHaveLength(COUNT * 3);
  const processedEvents = await db
    .select({
      count: sql<number>`count(*)::int`,
      distinct: sql<number>`count(distinct payload->>'wallpaperId')::int`,
    })
    .from(outbox)
    .where(eq(outbox.type, "wallpaper.processed.v1"));
  expect(processedEvents).toEqual([{ count: COUNT, distinct: COUNT }]);
}, 130_000);
