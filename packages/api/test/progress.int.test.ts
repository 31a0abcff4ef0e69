import { randomBytes } from "node:crypto";
import { wallpapers } from "@wallpaperdb/db";
import type { ProgressUpdate } from "@wallpaperdb/events/progress-feed";
import { type OutboxRelay, startOutboxRelay } from "@wallpaperdb/events/relay";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import { failStep, finishStep, initSteps, type StepName, startStep } from "@wallpaperdb/pipeline";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import type { SessionUser } from "../src/trpc.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

let h: Harness;
let bus: TestBus;
let relay: OutboxRelay | null = null;

beforeAll(async () => {
  h = await openHarness();
  bus = await createTestBus();
  h.deps = { ...h.deps, nats: bus.nc, events: bus.names };
});
afterEach(async () => {
  await relay?.stop();
  relay = null;
});
afterAll(async () => {
  await bus?.cleanup();
  await h?.close();
});

async function runRelay(): Promise<void> {
  relay = await startOutboxRelay({ db: h.database, js: bus.js, names: bus.names, logger: h.deps.logger });
}

async function createWallpaper(
  hidden: { moderation: "pending" | "rejected"; uploaderId: string } | null = null,
): Promise<string> {
  const [row] = await h.deps.db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType: "image",
      mimeType: "image/png",
      originalKey: `originals/${randomBytes(4).toString("hex")}`,
      sizeBytes: 1,
      width: 10,
      height: 10,
      ...hidden,
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no wallpaper");
  await h.deps.db.transaction((tx) => initSteps(tx, row.id, "image"));
  return row.id;
}

// The same transitions the workers make, through the same functions and the outbox.
const start = (id: string, step: StepName) => startStep(h.deps.db, id, step);
const finish = (id: string, step: StepName) => h.deps.db.transaction((tx) => finishStep(tx, id, step));
const retry = (id: string, step: StepName) => failStep(h.deps.db, id, step, "blob store timed out", false);

interface Item {
  id: string;
  data: ProgressUpdate;
}

async function subscribe(
  wallpaperId: string,
  lastEventId?: string,
  user: SessionUser | null = null,
): Promise<AsyncIterator<Item>> {
  // Aborting is how the HTTP adapter ends a subscription whose client went away.
  const abort = new AbortController();
  const ctx = await createTRPCContext({ headers: new Headers(), deps: h.deps });
  const caller = createCaller({ ...ctx, user }, { signal: abort.signal });
  const iterable = await caller.progress.wallpaper({ wallpaperId, ...(lastEventId ? { lastEventId } : {}) });
  const inner = iterable[Symbol.asyncIterator]();
  // tracked(id, data) travels as an [id, data] envelope through a server-side caller.
  return {
    async next() {
      const result = await inner.next();
      if (result.done) return { done: true, value: undefined };
      const [id, data] = result.value as unknown as [string, ProgressUpdate];
      return { done: false, value: { id, data } };
    },
    async return() {
      abort.abort();
      await inner.return?.();
      return { done: true, value: undefined };
    },
  };
}

async function take(iterator: AsyncIterator<Item>, count: number): Promise<Item[]> {
  const items: Item[] = [];
  while (items.length < count) {
    const result = await withTimeout(iterator.next(), 4_000);
    if (result.done) break;
    items.push(result.value);
  }
  return items;
}

async function rest(iterator: AsyncIterator<Item>): Promise<Item[]> {
  return take(iterator, Number.POSITIVE_INFINITY);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no progress event within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function changes(items: Item[]): string[] {
  return items.flatMap(({ data }) => {
    const change = data.change;
    if (!change) return [];
    if (!("state" in change)) return [change.step];
    return [`${change.step}:${change.state}:${change.attempts}${change.error ? `:${change.error}` : ""}`];
  });
}

function view(item: Item | undefined): string[] {
  return item?.data.view.steps.map((s) => `${s.step}:${s.state}:${s.attempts}`) ?? [];
}

describe("progress.wallpaper subscription", () => {
  it("yields the current steps first, then every change in order, and ends when ready", async () => {
    await runRelay();
    const id = await createWallpaper();
    await start(id, "variants");
    const feed = await subscribe(id);
    const [snapshot] = await take(feed, 1);
    expect(snapshot?.data.change).toBeNull();
    expect(view(snapshot)).toEqual(["variants:running:1", "quality:pending:0", "color:pending:0"]);

    await finish(id, "variants");
    await start(id, "quality");
    await start(id, "color");
    await retry(id, "color");
    await start(id, "color");
    await finish(id, "quality");
    await finish(id, "color");

    const live = await rest(feed);
    expect(changes(live)).toEqual([
      "variants:done:1",
      "quality:running:1",
      "color:running:1",
      "color:pending:1:blob store timed out",
      "color:running:2",
      "quality:done:1",
      "color:done:2",
      "ready",
    ]);
    expect(live.at(-1)?.data.view.status).toBe("ready");
    // The subscriber's ephemeral consumer is gone with it.
    const left = [];
    for await (const consumer of bus.jsm.consumers.list(bus.names.stream)) left.push(consumer.name);
    expect(left).toEqual([]);
  });

  it("resumes after a disconnect from lastEventId with no missing and no repeated change", async () => {
    await runRelay();
    const id = await createWallpaper();
    const first = await subscribe(id);
    const before = await take(first, 1);
    await start(id, "variants");
    await finish(id, "variants");
    before.push(...(await take(first, 2)));
    await first.return?.();
    const lastEventId = before.at(-1)?.id ?? "";

    // While the client is away: changes it must not lose.
    await start(id, "quality");
    await start(id, "color");
    await finish(id, "color");

    const second = await subscribe(id, lastEventId);
    const resumedHead = await take(second, 3);
    await finish(id, "quality");
    const after = [...resumedHead, ...(await rest(second))];

    expect(after[0]?.data.change).not.toBeNull(); // no second snapshot: it continues the stream
    expect([...changes(before), ...changes(after)]).toEqual([
      "variants:running:1",
      "variants:done:1",
      "quality:running:1",
      "color:running:1",
      "color:done:1",
      "quality:done:1",
      "ready",
    ]);
  });

  it("resuming from a snapshot taken while the relay lagged drops what the snapshot already showed", async () => {
    const id = await createWallpaper();
    await start(id, "variants");
    await finish(id, "variants");
    // Nothing is published yet: PostgreSQL is ahead of the stream.
    const first = await subscribe(id);
    const [snapshot] = await take(first, 1);
    await first.return?.();
    expect(view(snapshot)).toEqual(["variants:done:1", "quality:pending:0", "color:pending:0"]);

    await runRelay(); // now publishes variants pending, running and done after the snapshot's position
    await start(id, "quality");
    const second = await subscribe(id, snapshot?.id);
    const [next] = await take(second, 1);
    await second.return?.();
    expect(changes(next ? [next] : [])).toEqual(["quality:running:1"]);
  });

  it("answers a finished wallpaper from PostgreSQL alone, and a failed step with its reason", async () => {
    await runRelay();
    const id = await createWallpaper();
    await start(id, "variants");
    await failStep(h.deps.db, id, "variants", "unsupported image: truncated file", true);
    const items = await rest(await subscribe(id));
    expect(items).toHaveLength(1);
    expect(items[0]?.data.view.status).toBe("failed");
    expect(items[0]?.data.view.steps[0]).toMatchObject({
      step: "variants",
      state: "failed",
      error: "unsupported image: truncated file",
    });
  });

  it("refuses an unknown wallpaper", async () => {
    const feed = await subscribe("00000000-0000-4000-8000-000000000000");
    await expect(feed.next()).rejects.toMatchObject({ code: "NOT_FOUND", cause: { code: "not_found" } });
  });

  it("ends the feed with not_found when the wallpaper is rejected mid-stream", async () => {
    await runRelay();
    const id = await createWallpaper();
    const feed = await subscribe(id);
    const [snapshot] = await take(feed, 1);
    expect(snapshot?.data.change).toBeNull();
    await start(id, "variants");
    const [seen] = await take(feed, 1);
    expect(seen?.data.change).not.toBeNull();

    await h.deps.db.update(wallpapers).set({ moderation: "rejected" }).where(eq(wallpapers.id, id));
    await finish(id, "variants");
    await expect(withTimeout(feed.next(), 4_000)).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { code: "not_found" },
    });
  });

  it("ends the feed with not_found when the wallpaper is deleted mid-stream (no change follows)", async () => {
    await runRelay();
    const id = await createWallpaper();
    await seedUsers(h.deps.db, [{ id: "progress_deleter", role: "curator" }]);
    const feed = await subscribe(id);
    await take(feed, 1);
    await start(id, "variants");
    await take(feed, 1);

    const ctx = await createTRPCContext({ headers: new Headers(), deps: h.deps });
    const curator = createCaller({
      ...ctx,
      user: { id: "progress_deleter", role: "curator", via: "session" },
    });
    await curator.wallpaper.delete({ wallpaperId: id });
    await expect(withTimeout(feed.next(), 4_000)).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { code: "not_found", details: { reason: "deleted" } },
    });
  });

  it("refuses a held or rejected wallpaper to anyone but its uploader and curators", async () => {
    const people = {
      owner: { id: "progress_owner", role: "user", via: "session" },
      stranger: { id: "progress_stranger", role: "user", via: "session" },
      curator: { id: "progress_curator", role: "curator", via: "session" },
      admin: { id: "progress_admin", role: "admin", via: "session" },
    } satisfies Record<string, SessionUser>;
    await seedUsers(h.deps.db, Object.values(people));
    for (const moderation of ["pending", "rejected"] as const) {
      const id = await createWallpaper({ moderation, uploaderId: people.owner.id });
      for (const user of [null, people.stranger]) {
        const feed = await subscribe(id, undefined, user);
        await expect(feed.next(), `${moderation} ${user?.id ?? "anonymous"}`).rejects.toMatchObject({
          code: "NOT_FOUND",
          cause: { code: "not_found" },
        });
      }
      for (const user of [people.owner, people.curator, people.admin]) {
        const feed = await subscribe(id, undefined, user);
        const first = await feed.next();
        expect(first.value?.data.change, `${moderation} ${user.id}`).toBeNull();
        expect(view(first.value)).toEqual(["variants:pending:0", "quality:pending:0", "color:pending:0"]);
        await feed.return?.();
      }
    }
  });
});
