import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { busNames } from "@wallpaperdb/events";
import { startNatsCluster, type TestNatsCluster } from "@wallpaperdb/events/testing";
import type { BlobStore } from "@wallpaperdb/storage";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cleanTally, tallyProcessing, waitOutboxDrained } from "./exactly-once.ts";
import { noiseImage } from "./noise-image.ts";
import { insertWallpaper, waitFor, waitProcessed } from "./pipeline-harness.ts";
import { spawnWorker } from "./worker-process.ts";

// A deployment's event bus: three nats-servers with the stream replicated three times. Killing the
// stream's leader (-9) in the middle of the work must lose nothing and process nothing twice in effect;
// the relay and the consumers find the other nodes by themselves (NATS_URL lists all three).
const COUNT = 100;
const namespace = "clusterfault";
let cluster: TestNatsCluster;
let database: TestDatabase;
let blobDir: string;
let blobStore: BlobStore;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  [cluster, database, blobDir] = await Promise.all([
    startNatsCluster(3),
    createTestDatabase(),
    mkdtemp(join(tmpdir(), "wpdb-cluster-blobs-")),
  ]);
  blobStore = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://localhost:3000",
    signingSecret: "pipeline-test-signing-secret",
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    }),
  );
  await cluster?.dispose();
  await database?.drop();
  if (blobDir) await rm(blobDir, { recursive: true, force: true });
});

function startWorker(id: string): ChildProcess {
  const child = spawnWorker({
    id,
    databaseUrl: database.url,
    natsUrl: cluster.urls.join(","),
    namespace,
    blobDir,
    env: { NATS_STREAM_REPLICAS: "3" },
  });
  children.add(child);
  return child;
}

it("loses nothing and duplicates nothing when the stream leader is killed -9 mid-run", async () => {
  const ids: string[] = [];
  // Small images: the test is about the bus, not the encoders.
  for (let i = 0; i < COUNT; i++)
    ids.push(await insertWallpaper({ database, blobStore }, { data: await noiseImage(160, 100) }));
  const started = Date.now();
  startWorker("cluster-a");
  startWorker("cluster-b");
  const stream = busNames(namespace).stream;
  await waitFor("the replicated stream", () => cluster.streamLeader(stream).catch(() => undefined), 30_000);

  // Kill the leader once the work is under way, and bring it back a few seconds later.
  await waitFor("the first processed wallpapers", async () => {
    const tally = await tallyProcessing(database.db, ids);
    return tally.processed >= 10 ? true : undefined;
  });
  const leader = await cluster.streamLeader(stream);
  const node = cluster.nodes.get(leader);
  if (!node) throw new Error(`no node named ${leader}`);
  await node.kill();
  const processedAtKill = (await tallyProcessing(database.db, ids)).processed;
  const killedAtMs = Date.now() - started;
  await waitFor(
    "a new stream leader",
    async () => {
      const now = await cluster.streamLeader(stream).catch(() => undefined);
      return now && now !== leader ? now : undefined;
    },
    30_000,
  );
  const newLeaderMs = Date.now() - started - killedAtMs;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await node.start();

  await waitProcessed({ database }, ids, 150_000);
  await waitOutboxDrained(database.db);
  const tally = await tallyProcessing(database.db, ids);
  process.stdout.write(
    `NATS cluster leader kill -9: ${JSON.stringify({ kills: 1, killed: leader, processedAtKill, killedAtMs, newLeaderMs, totalMs: Date.now() - started, ...tally })}\n`,
  );
  expect(processedAtKill).toBeLessThan(COUNT);
  expect(tally).toEqual(cleanTally(COUNT));
}, 240_000);
