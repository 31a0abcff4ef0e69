import { randomUUID } from "node:crypto";
import { createLogger } from "@wallpaperdb/core/logger";
import { outbox, tags, users, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { CHANGED_BATCH, type EventEnvelope } from "@wallpaperdb/events";
import { type RunningConsumer, runConsumer } from "@wallpaperdb/events/consumer";
import { type OutboxRelay, startOutboxRelay } from "@wallpaperdb/events/relay";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import { createPostgresSearch, type SearchBackend } from "@wallpaperdb/search";
import { bulkTag, mergeTags, setTags } from "@wallpaperdb/tags";
import { moderateWallpapers } from "@wallpaperdb/wallpapers";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleChangedIndexSearch, handleProcessedIndexSearch } from "../src/handlers/index-search.ts";

const logger = createLogger("index-search-test", "silent");
let database: TestDatabase;
let bus: TestBus;
let relay: OutboxRelay;
let consumer: RunningConsumer;
let curator: { id: string };

/** Stands in for OpenSearch: records what the worker asks the port to do. */
const calls: { indexMany: string[][]; remove: string[] } = { indexMany: [], remove: [] };
const recordingPort = {
  ...createPostgresSearch(undefined as never),
  name: "opensearch" as const,
  async indexMany(ids: readonly string[]) {
    calls.indexMany.push([...ids]);
  },
  async remove(ids: readonly string[]) {
    calls.remove.push(...ids);
  },
} satisfies SearchBackend;

async function insertWallpapers(count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, () => {
    const id = randomUUID();
    return {
      id,
      sha256: randomUUID().replaceAll("-", "").padEnd(64, "0"),
      mediaType: "image" as const,
      mimeType: "image/jpeg",
      originalKey: `originals/${id}`,
      sizeBytes: 1000,
      width: 1920,
      height: 1080,
      processedAt: new Date(),
    };
  });
  await database.db.insert(wallpapers).values(rows);
  return rows.map((row) => row.id).sort();
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  database = await createTestDatabase("wpdb_index_search");
  bus = await createTestBus();
  const [user] = await database.db
    .insert(users)
    .values({ id: randomUUID(), email: "curator@example.test", name: "Curator", role: "curator" })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  curator = user;
  relay = await startOutboxRelay({ db: database, js: bus.js, names: bus.names, logger, pollMs: 200 });
  consumer = await runConsumer({
    js: bus.js,
    jsm: bus.jsm,
    db: database,
    names: bus.names,
    durable: "search-index-changes",
    types: ["wallpaper.changed.v1"],
    handler: (event) => handleChangedIndexSearch({ db: database.db, search: recordingPort }, event),
    logger,
  });
}, 60_000);

afterAll(async () => {
  await consumer?.stop();
  await relay?.stop();
  await bus?.cleanup();
  await database?.drop();
});

describe("index-search: tag edits and moderation reach the search port through the outbox and NATS", () => {
  it("a tag edit reindexes the wallpaper; a rejection removes it; an approval indexes it again", async () => {
    const [id] = await insertWallpapers(1);
    if (!id) throw new Error("no wallpaper");
    calls.indexMany.length = 0;
    calls.remove.length = 0;

    await setTags(database.db, id, { add: ["mountain"] }, curator);
    await waitFor("the reindex after setTags", () =>
      calls.indexMany.find((ids) => ids.includes(id)) ? true : undefined,
    );

    await moderateWallpapers(
      database.db,
      { wallpaperIds: [id], decision: "rejected", reason: "spam" },
      curator,
    );
    await waitFor("the removal after the rejection", () => (calls.remove.includes(id) ? true : undefined));

    const before = calls.indexMany.length;
    await moderateWallpapers(database.db, { wallpaperIds: [id], decision: "approved" }, curator);
    await waitFor("the reindex after the approval", () =>
      calls.indexMany.slice(before).find((ids) => ids.includes(id)) ? true : undefined,
    );
  });

  it("a bulk edit over more than one batch sends every wallpaper once, in batches of at most CHANGED_BATCH", async () => {
    const ids = await insertWallpapers(CHANGED_BATCH + 20);
    calls.indexMany.length = 0;
    await bulkTag(database.db, { wallpaperIds: ids }, { add: ["forest"] }, curator);
    const indexed = await waitFor(
      "both batches",
      () => {
        const seen = calls.indexMany.flat().filter((id) => ids.includes(id));
        return seen.length >= ids.length ? seen : undefined;
      },
      20_000,
    );
    expect(indexed.sort()).toEqual(ids);
    expect(Math.max(...calls.indexMany.map((batch) => batch.length))).toBeLessThanOrEqual(CHANGED_BATCH);
  });

  it("a merge reindexes every wallpaper that carried the merged tag", async () => {
    const ids = await insertWallpapers(3);
    await bulkTag(database.db, { wallpaperIds: ids }, { add: ["sea"] }, curator);
    await setTags(database.db, ids[0] ?? "", { add: ["ocean_water"] }, curator);
    const found = await database.db
      .select({ id: tags.id, name: tags.name })
      .from(tags)
      .where(inArray(tags.name, ["sea", "ocean_water"]));
    const id = (name: string) => found.find((tag) => tag.name === name)?.id ?? 0;
    calls.indexMany.length = 0;
    await mergeTags(database.db, id("sea"), id("ocean_water"), curator);
    const indexed = await waitFor("the reindex after the merge", () => {
      const seen = new Set(calls.indexMany.flat());
      return ids.every((wallpaperId) => seen.has(wallpaperId)) ? seen : undefined;
    });
    expect([...indexed].filter((wallpaperId) => ids.includes(wallpaperId)).sort()).toEqual(ids);
  });

  it("an edit that changes nothing enqueues nothing", async () => {
    const [id] = await insertWallpapers(1);
    if (!id) throw new Error("no wallpaper");
    await setTags(database.db, id, { add: ["ocean"] }, curator);
    const events = async () =>
      (
        await database.db
          .select({ payload: outbox.payload })
          .from(outbox)
          .where(eq(outbox.type, "wallpaper.changed.v1"))
      )
        .map((row) => row.payload as { wallpaperIds: string[] })
        .filter((payload) => payload.wallpaperIds.includes(id)).length;
    const after = await events();
    await setTags(database.db, id, { add: ["ocean"] }, curator);
    expect(await events()).toBe(after);
  });

  it("acks as skipped with the PostgreSQL backend (the tables are the index)", async () => {
    const deps = { db: database.db, search: createPostgresSearch(database.db) };
    const processed = {
      id: randomUUID(),
      type: "wallpaper.processed.v1",
      occurredAt: new Date().toISOString(),
      data: { wallpaperId: randomUUID(), processedAt: new Date().toISOString() },
    } satisfies EventEnvelope<"wallpaper.processed.v1">;
    expect(await handleProcessedIndexSearch(deps, processed)).toEqual({
      status: "skipped",
      reason: "PostgreSQL is the search index",
    });
    const changed = {
      id: randomUUID(),
      type: "wallpaper.changed.v1",
      occurredAt: new Date().toISOString(),
      data: { wallpaperIds: [randomUUID()], change: "tags" },
    } satisfies EventEnvelope<"wallpaper.changed.v1">;
    expect((await handleChangedIndexSearch(deps, changed)).status).toBe("skipped");
  });
});
