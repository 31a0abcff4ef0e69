import { createLogger } from "@wallpaperdb/core/logger";
import { pings } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import type { RunningConsumer } from "@wallpaperdb/events/consumer";
import { runConsumer } from "@wallpaperdb/events/consumer";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { type OutboxRelay, startOutboxRelay } from "@wallpaperdb/events/relay";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handleSystemPing } from "../src/handlers/ping.ts";

const logger = createLogger("test", "silent");
let database: TestDatabase;
let bus: TestBus;
let relay: OutboxRelay;
let consumer: RunningConsumer;

beforeAll(async () => {
  database = await createTestDatabase();
  bus = await createTestBus();
  // A long poll: the round trip must be driven by NOTIFY, not by the safety-net poll.
  relay = await startOutboxRelay({ db: database, js: bus.js, names: bus.names, logger, pollMs: 60_000 });
  consumer = await runConsumer({
    js: bus.js,
    jsm: bus.jsm,
    db: database,
    names: bus.names,
    durable: "ping",
    types: ["system.ping.v1"],
    handler: (event) => handleSystemPing({ db: database.db, workerId: "test-worker" }, event),
    logger,
  });
});

afterAll(async () => {
  await consumer?.stop();
  await relay?.stop();
  await bus?.cleanup();
  await database?.drop();
});

async function waitForPong(pingId: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await database.db.select().from(pings).where(eq(pings.id, pingId));
    if (row?.pongedAt) return row;
    if (Date.now() > deadline) throw new Error(`ping ${pingId} was not answered within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it("answers a ping written with its event in one transaction", async () => {
  const started = Date.now();
  const pingId = await database.db.transaction(async (tx) => {
    const [row] = await tx.insert(pings).values({ message: "hello" }).returning({ id: pings.id });
    if (!row) throw new Error("no ping row");
    await enqueueEvent(tx, "system.ping.v1", { pingId: row.id, message: "hello" });
    return row.id;
  });
  const row = await waitForPong(pingId);
  expect(row.pongedBy).toBe("test-worker");
  // Woken by NOTIFY rather than the 60 s poll.
  expect(Date.now() - started).toBeLessThan(3000);
});

it("does not answer again when the event is handled twice", async () => {
  const [row] = await database.db.insert(pings).values({ message: "twice" }).returning({ id: pings.id });
  if (!row) throw new Error("no ping row");
  const event = {
    id: "1",
    type: "system.ping.v1" as const,
    occurredAt: new Date().toISOString(),
    data: { pingId: row.id, message: "twice" },
  };
  const deps = { db: database.db, workerId: "first" };
  expect(await handleSystemPing(deps, event)).toEqual({ status: "done" });
  const [first] = await database.db.select().from(pings).where(eq(pings.id, row.id));
  expect(await handleSystemPing({ ...deps, workerId: "second" }, event)).toMatchObject({ status: "skipped" });
  const [second] = await database.db.select().from(pings).where(eq(pings.id, row.id));
  expect(second).toEqual(first);
});
