import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanTally, tallyProcessing, waitOutboxDrained } from "./exactly-once.ts";
import { noiseImage } from "./noise-image.ts";
import {
  createPipelineHarness,
  insertWallpaper,
  listBlobs,
  type PipelineHarness,
  waitProcessed,
} from "./pipeline-harness.ts";
import { spawnWorker } from "./worker-process.ts";

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
  const child = spawnWorker({
    id,
    databaseUrl: harness.database.url,
    natsUrl: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
    namespace: harness.bus.names.namespace,
    blobDir: harness.blobDir,
  });
  children.add(child);
  return child;
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
  await waitOutboxDrained(harness.database.db);

  const tally = await tallyProcessing(harness.database.db, ids);
  process.stdout.write(`worker kill -9: ${JSON.stringify({ kills, ...tally })}\n`);
  expect(tally).toEqual(cleanTally(COUNT));
  expect(await listBlobs(harness.blobStore, "variants/")).toHaveLength(COUNT * 3);
}, 130_000);
