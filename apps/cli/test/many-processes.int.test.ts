import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createWallpaperClient, uploadFile } from "@wallpaperdb/client";
import {
  createTestDatabase,
  startPostgresServer,
  type TestDatabase,
  type TestPostgresServer,
} from "@wallpaperdb/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { componentNames } from "../../workers/src/registry.ts";
import { cleanTally, tallyProcessing, waitOutboxDrained } from "../../workers/test/exactly-once.ts";
import { noiseImage } from "../../workers/test/noise-image.ts";
import { waitProcessed } from "../../workers/test/pipeline-harness.ts";
import { spawnWorker } from "../../workers/test/worker-process.ts";
import { ensureWebBuild, type RunningWebApp, startWebApp } from "./web-app.ts";

// A deployment in miniature: two web processes and three worker processes with separate component sets,
// sharing one PostgreSQL (a private one, so restarting it disturbs no other test) and one NATS. Uploads
// spread over both web processes; PostgreSQL restarts in the middle of them; every upload ends processed
// exactly once and every process recovers without being restarted itself.
const COUNT = 24;
const imageSteps = ["poster", "variants", "variants-video", "quality", "color"];
const messaging = ["relay", "reconcile"];
// The third process runs everything else, so a component added later is covered too.
const componentSets = [
  imageSteps,
  messaging,
  componentNames.filter((name) => !imageSteps.includes(name) && !messaging.includes(name)),
].map((set) => set.join(","));
let server: TestPostgresServer;
let database: TestDatabase;
let scratch: string;
const namespace = `wpdb_m${randomBytes(4).toString("hex")}`;
const webs: RunningWebApp[] = [];
const workers: ChildProcess[] = [];

beforeAll(async () => {
  ensureWebBuild();
  server = await startPostgresServer();
  database = await createTestDatabase("wpdb_many", server);
  scratch = await mkdtemp(join(tmpdir(), "wpdb-many-"));
  const shared = { database, scratch, namespace };
  const env = { AUTH_SECRET: randomBytes(32).toString("hex") };
  webs.push(...(await Promise.all([startWebApp({ shared, env }), startWebApp({ shared, env })])));
  componentSets.forEach((set, i) => {
    workers.push(
      spawnWorker({
        id: `many-${i + 1}`,
        databaseUrl: database.url,
        natsUrl: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
        namespace,
        blobDir: join(scratch, "blobs"),
        env: { WORKERS: set },
      }),
    );
  });
}, 240_000);

afterAll(async () => {
  await Promise.all(
    workers.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    }),
  );
  await Promise.all(webs.map((web) => web.stop()));
  await database?.drop().catch(() => undefined);
  await server?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A script's upload: a request cut by the database going away is tried again, as a person would. */
async function uploadWithRetry(baseUrl: string, path: string): Promise<{ id: string; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await uploadFile(createWallpaperClient({ baseUrl }), path);
      if (!result.wallpaperId) throw new Error(`upload ${result.status} without a wallpaper`);
      return { id: result.wallpaperId, attempts: attempt };
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

it("two web and three worker processes share the work and survive a PostgreSQL restart", async () => {
  const files = await Promise.all(
    Array.from({ length: COUNT }, async (_, i) => {
      const path = join(scratch, `many-${i}.jpg`);
      await writeFile(path, await noiseImage(640, 400));
      return path;
    }),
  );
  const started = Date.now();
  let restartedAtMs = 0;
  let uploadedBeforeRestart = 0;
  const results: { id: string; attempts: number; web: number }[] = [];
  // Two uploads at a time, one through each web process.
  const restart = (async () => {
    while (results.length < COUNT / 3) await new Promise((resolve) => setTimeout(resolve, 50));
    uploadedBeforeRestart = results.length;
    restartedAtMs = Date.now() - started;
    await server.restart();
  })();
  for (let i = 0; i < COUNT; i += 2) {
    const pair = files.slice(i, i + 2).map(async (path, j) => {
      const web = (i + j) % webs.length;
      const result = await uploadWithRetry(webs[web]?.baseUrl ?? "", path);
      results.push({ ...result, web });
    });
    await Promise.all(pair);
  }
  await restart;

  const ids = results.map((result) => result.id);
  expect(new Set(ids).size).toBe(COUNT);
  await waitProcessed({ database }, ids, 120_000);
  await waitOutboxDrained(database.db);
  const tally = await tallyProcessing(database.db, ids);
  const perWeb = webs.map((_, web) => results.filter((result) => result.web === web).length);
  const retried = results.filter((result) => result.attempts > 1).length;
  // Every process answers without having been restarted.
  const ready = await Promise.all(webs.map((web) => fetch(`${web.baseUrl}/api/ready`).then((r) => r.status)));
  const workersAlive = workers.filter((child) => child.exitCode === null && child.signalCode === null).length;
  process.stdout.write(
    `many processes, PostgreSQL restarted: ${JSON.stringify({
      webProcesses: webs.length,
      workerProcesses: workers.length,
      perWeb,
      uploadedBeforeRestart,
      restartedAtMs,
      retriedUploads: retried,
      totalMs: Date.now() - started,
      workersAlive,
      ready,
      ...tally,
    })}\n`,
  );
  expect(perWeb.every((count) => count > 0)).toBe(true);
  expect(uploadedBeforeRestart).toBeLessThan(COUNT);
  expect(ready).toEqual([200, 200]);
  expect(workersAlive).toBe(workers.length);
  expect(tally).toEqual(cleanTally(COUNT));
}, 240_000);
