// What the progress tests share: a harness with a NATS test bus, an outbox relay per test, wallpapers
// moved through the workers' own step functions, and a subscriber that reads the feed as a client.
import { randomBytes } from "node:crypto";
import type { Caller } from "@wallpaperdb/auth";
import { wallpapers } from "@wallpaperdb/db";
import { type OutboxRelay, startOutboxRelay } from "@wallpaperdb/events/relay";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import type { ProgressUpdate } from "@wallpaperdb/pipeline";
import { failStep, finishStep, initSteps, type StepName, startStep } from "@wallpaperdb/pipeline";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";

export interface Item {
  id: string;
  data: ProgressUpdate;
}

/** Registers the file's hooks and returns what its tests drive the feed with. */
export function useProgressWorld() {
  let harness: Harness | undefined;
  let bus: TestBus | undefined;
  let relay: OutboxRelay | null = null;
  const h = (): Harness => {
    if (!harness) throw new Error("the progress test world is not open yet");
    return harness;
  };

  beforeAll(async () => {
    harness = await openHarness();
    bus = await createTestBus();
    harness.deps = { ...harness.deps, nats: bus.nc, events: bus.names };
  });
  afterEach(async () => {
    await relay?.stop();
    relay = null;
  });
  afterAll(async () => {
    await bus?.cleanup();
    await harness?.close();
  });

  async function runRelay(): Promise<void> {
    if (!bus) throw new Error("the progress test world is not open yet");
    relay = await startOutboxRelay({
      db: h().database,
      js: bus.js,
      names: bus.names,
      logger: h().deps.logger,
    });
  }

  async function createWallpaper(
    hidden: { moderation: "pending" | "rejected"; uploaderId: string } | null = null,
  ): Promise<string> {
    const [row] = await h()
      .deps.db.insert(wallpapers)
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
    await h().deps.db.transaction((tx) => initSteps(tx, row.id, "image"));
    return row.id;
  }

  async function subscribe(
    wallpaperId: string,
    lastEventId?: string,
    user: Caller | null = null,
  ): Promise<AsyncIterator<Item>> {
    // Aborting is how the HTTP adapter ends a subscription whose client went away.
    const abort = new AbortController();
    const ctx = await createTRPCContext({ headers: new Headers(), deps: h().deps });
    const caller = createCaller({ ...ctx, user }, { signal: abort.signal });
    const iterable = await caller.progress.wallpaper({
      wallpaperId,
      ...(lastEventId ? { lastEventId } : {}),
    });
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

  return {
    get h() {
      return h();
    },
    get bus(): TestBus {
      if (!bus) throw new Error("the progress test world is not open yet");
      return bus;
    },
    runRelay,
    createWallpaper,
    subscribe,
    // The same transitions the workers make, through the same functions and the outbox.
    start: (id: string, step: StepName) => startStep(h().deps.db, id, step),
    finish: (id: string, step: StepName) => h().deps.db.transaction((tx) => finishStep(tx, id, step)),
    retry: (id: string, step: StepName) => failStep(h().deps.db, id, step, "blob store timed out", false),
  };
}

export async function take(iterator: AsyncIterator<Item>, count: number): Promise<Item[]> {
  const items: Item[] = [];
  while (items.length < count) {
    const result = await withTimeout(iterator.next(), 4_000);
    if (result.done) break;
    items.push(result.value);
  }
  return items;
}

export async function rest(iterator: AsyncIterator<Item>): Promise<Item[]> {
  return take(iterator, Number.POSITIVE_INFINITY);
}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no progress event within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function changes(items: Item[]): string[] {
  return items.flatMap(({ data }) => {
    const change = data.change;
    if (!change) return [];
    if (!("state" in change)) return [change.step];
    return [`${change.step}:${change.state}:${change.attempts}${change.error ? `:${change.error}` : ""}`];
  });
}

export function view(item: Item | undefined): string[] {
  return item?.data.view.steps.map((s) => `${s.step}:${s.state}:${s.attempts}`) ?? [];
}
