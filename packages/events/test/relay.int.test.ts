import { randomUUID } from "node:crypto";
import { createLogger } from "@wallpaperdb/core/logger";
import { outbox } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { subjectFor } from "../src/catalog.ts";
import { runConsumer } from "../src/consumer.ts";
import { enqueueEvent } from "../src/outbox.ts";
import { publishEvent } from "../src/publisher.ts";
import { startOutboxRelay } from "../src/relay.ts";
import { createTestBus, startNatsServer, type TestBus, type TestNatsServer } from "../src/testing.ts";

const logger = createLogger("test", "silent");
let database: TestDatabase;
let server: TestNatsServer;
let bus: TestBus;

beforeAll(async () => {
  database = await createTestDatabase();
  // A private server: this file stops it, which must not disturb other test files.
  server = await startNatsServer();
  bus = await createTestBus({ url: server.url });
});

afterAll(async () => {
  await bus?.cleanup();
  await server?.dispose();
  await database?.drop();
});

async function writeEvent(): Promise<{ wallpaperId: string; outboxId: number }> {
  const wallpaperId = randomUUID();
  const { id } = await enqueueEvent(database.db, "wallpaper.changed.v1", {
    wallpaperIds: [wallpaperId],
    change: "tags",
  });
  return { wallpaperId, outboxId: id };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("keeps events written while NATS is down and delivers them once it is back", async () => {
  const relay = await startOutboxRelay({ db: database, js: bus.js, names: bus.names, logger, pollMs: 500 });
  const handled = new Set<string>();
  const consumer = await runConsumer({
    js: bus.js,
    jsm: bus.jsm,
    db: database,
    names: bus.names,
    durable: "relay-test",
    types: ["wallpaper.changed.v1"],
    logger,
    handler: async (event) => {
      for (const id of event.data.wallpaperIds) handled.add(id);
      return { status: "done" };
    },
  });

  await server.stop();
  const { wallpaperId, outboxId } = await writeEvent();
  // The relay tried, failed, and kept the row for later.
  const pending = await waitFor(async () => {
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, outboxId));
    return row && row.attempts > 0 ? row : undefined;
  }, 15_000);
  expect(pending.publishedAt).toBeNull();
  expect(pending.lastError).toBeTruthy();

  await server.start();
  await waitFor(async () => (handled.has(wallpaperId) ? true : undefined), 40_000);
  // The relay marks the row after the PubAck, which may come a moment after a consumer got the event.
  await waitFor(async () => {
    const [published] = await database.db.select().from(outbox).where(eq(outbox.id, outboxId));
    return published?.publishedAt ?? undefined;
  }, 5000);

  await consumer.stop();
  await relay.stop();
});

it("deduplicates a re-publish of the same outbox event", async () => {
  const { outboxId } = await writeEvent();
  const subject = subjectFor(bus.names.namespace, "wallpaper.changed.v1");
  const before = (await bus.jsm.streams.info(bus.names.stream)).state.messages;
  // As if a relay crashed after the PubAck but before marking the row: the event is already in the stream.
  const [row] = await database.db.select().from(outbox).where(eq(outbox.id, outboxId));
  if (!row) throw new Error("no outbox row");
  const envelope = {
    id: row.eventId,
    type: "wallpaper.changed.v1" as const,
    occurredAt: row.createdAt.toISOString(),
    data: row.payload as { wallpaperIds: string[]; change: "tags" },
  };
  const first = await publishEvent(bus.js, bus.names, envelope, { msgId: row.eventId });
  expect(first.duplicate).toBe(false);

  // The next relay finds the row unpublished and publishes it again.
  const relay = await startOutboxRelay({
    db: database,
    js: bus.js,
    names: bus.names,
    logger,
    pollMs: 60_000,
  });
  await waitFor(async () => {
    const [current] = await database.db.select().from(outbox).where(eq(outbox.id, outboxId));
    return current?.publishedAt ? current : undefined;
  }, 5000);
  await relay.stop();

  const info = await bus.jsm.streams.info(bus.names.stream);
  expect(info.state.messages).toBe(before + 1);
  const again = await publishEvent(bus.js, bus.names, envelope, { msgId: row.eventId });
  expect(again.duplicate).toBe(true);
  const stored = await bus.jsm.streams.getMessage(bus.names.stream, { last_by_subj: subject });
  expect(stored?.json<{ id: string }>().id).toBe(row.eventId);
});
