import { randomBytes, randomUUID } from "node:crypto";
import { outbox } from "@wallpaperdb/db";
import { type RunningConsumer, runConsumer } from "@wallpaperdb/events/consumer";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { type OutboxRelay, startOutboxRelay } from "@wallpaperdb/events/relay";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { consumerComponents } from "../src/registry.ts";
import { createPipelineHarness, listBlobs, type PipelineHarness, waitFor } from "./pipeline-harness.ts";

let harness: PipelineHarness;
let relay: OutboxRelay;
let consumer: RunningConsumer;

beforeAll(async () => {
  harness = await createPipelineHarness();
  const { database, bus, deps } = harness;
  // A long poll: the round trip must be driven by NOTIFY, not by the safety-net poll.
  relay = await startOutboxRelay({
    db: database,
    js: bus.js,
    names: bus.names,
    logger: deps.logger,
    pollMs: 60_000,
  });
  const cleanup = consumerComponents["blob-cleanup"];
  consumer = await runConsumer({
    js: bus.js,
    jsm: bus.jsm,
    db: database,
    names: bus.names,
    durable: cleanup.durable,
    types: cleanup.types,
    handler: (event, ctx) => cleanup.handle(deps, event, ctx),
    logger: deps.logger,
  });
});

afterAll(async () => {
  await consumer?.stop();
  await relay?.stop();
  await harness?.cleanup();
});

it("carries an event committed with its change through the relay and JetStream to its handler, woken by NOTIFY", async () => {
  const wallpaperId = randomUUID();
  const sha256 = randomBytes(32).toString("hex");
  const originalKey = `originals/${sha256.slice(0, 2)}/${sha256}`;
  for (const key of [originalKey, `variants/${wallpaperId}/thumb.avif`]) {
    await harness.blobStore.put(key, Buffer.from(key));
  }
  const started = Date.now();
  // As a delete writes it: in the transaction that removes the wallpaper's rows.
  const { id } = await harness.database.db.transaction((tx) =>
    enqueueEvent(tx, "wallpaper.deleted.v1", { wallpaperId, sha256, originalKey }),
  );
  await waitFor(
    "the deleted wallpaper's files removed by blob-cleanup",
    async () => ((await listBlobs(harness.blobStore, "")).length === 0 ? true : undefined),
    10_000,
  );
  // Woken by NOTIFY rather than the 60 s poll.
  expect(Date.now() - started).toBeLessThan(3000);
  // The relay marks the row after the PubAck, which may come a moment after the consumer got the event.
  await waitFor(
    "the outbox row marked published",
    async () => {
      const [row] = await harness.database.db.select().from(outbox).where(eq(outbox.id, id));
      return row?.publishedAt ?? undefined;
    },
    5000,
  );
});
