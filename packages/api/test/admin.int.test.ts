import { randomBytes } from "node:crypto";
import { outbox, processingSteps, wallpaperNearDuplicates, wallpapers } from "@wallpaperdb/db";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import type { SessionUser } from "../src/trpc.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

const people = {
  user: { id: "adm_user", role: "user" },
  curator: { id: "adm_curator", role: "curator" },
  admin: { id: "adm_admin", role: "admin" },
} satisfies Record<string, SessionUser>;

let h: Harness;

async function callerFor(who: keyof typeof people | "anonymous") {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: h.deps });
  return createCaller({ ...ctx, user: who === "anonymous" ? null : { ...people[who], via: "session" } });
}

type StepRow = {
  step: string;
  state: "pending" | "running" | "done" | "failed";
  attempts?: number;
  error?: string;
};

/** A processed (visible unless rejected) wallpaper with the given step rows; created_at spaced by `minutesAgo`. */
async function wallpaper(
  options: { mediaType?: "image" | "video"; minutesAgo: number; moderation?: "pending" | "approved" },
  steps: StepRow[],
): Promise<string> {
  const mediaType = options.mediaType ?? "image";
  const [row] = await h.deps.db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType,
      mimeType: mediaType === "video" ? "video/mp4" : "image/png",
      originalKey: `originals/${randomBytes(8).toString("hex")}`,
      originalFilename: `w-${options.minutesAgo}.png`,
      sizeBytes: 1000,
      width: 1920,
      height: 1080,
      moderation: options.moderation ?? "approved",
      processedAt: new Date(),
      createdAt: new Date(Date.now() - options.minutesAgo * 60_000),
    })
    .returning({ id: wallpapers.id });
  const id = row?.id ?? "";
  if (steps.length > 0) {
    await h.deps.db.insert(processingSteps).values(
      steps.map((s) => ({
        wallpaperId: id,
        step: s.step,
        state: s.state,
        attempts: s.attempts ?? 1,
        lastError: s.error ?? null,
      })),
    );
  }
  return id;
}

const done = (...names: string[]): StepRow[] => names.map((step) => ({ step, state: "done" }));

async function outboxSince(id: number) {
  return h.deps.db
    .select({ type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(gt(outbox.id, id))
    .orderBy(asc(outbox.id));
}

async function lastOutboxId(): Promise<number> {
  const rows = await h.deps.db.select({ id: outbox.id }).from(outbox);
  return Math.max(0, ...rows.map((row) => row.id));
}

const ids = {
  imageVariants: "",
  imageQualityColor: "",
  videoVariants: "",
  pendingOld: "",
  pendingNew: "",
  ok: "",
};

beforeAll(async () => {
  h = await openHarness();
  await seedUsers(h.deps.db, Object.values(people));
  ids.ok = await wallpaper({ minutesAgo: 50 }, done("variants", "quality", "color"));
  ids.imageVariants = await wallpaper({ minutesAgo: 40 }, [
    { step: "variants", state: "failed", attempts: 5, error: "sharp: corrupt header" },
    { step: "quality", state: "pending", attempts: 0 },
    { step: "color", state: "pending", attempts: 0 },
  ]);
  ids.imageQualityColor = await wallpaper({ minutesAgo: 30 }, [
    ...done("variants"),
    { step: "quality", state: "failed", attempts: 5, error: "analysis blob missing" },
    { step: "color", state: "failed", attempts: 5, error: "analysis blob missing" },
  ]);
  ids.videoVariants = await wallpaper({ mediaType: "video", minutesAgo: 20 }, [
    ...done("poster"),
    { step: "variants", state: "failed", attempts: 2, error: "poster unreadable" },
    { step: "quality", state: "running", attempts: 1 },
    { step: "color", state: "pending", attempts: 0 },
  ]);
  ids.pendingOld = await wallpaper({ minutesAgo: 15, moderation: "pending" }, []);
  ids.pendingNew = await wallpaper({ minutesAgo: 5, moderation: "pending" }, []);
});
afterAll(async () => {
  await h?.close();
});

describe("admin.jobs", () => {
  it("summarizes every step's states, and the wallpapers missing a step row", async () => {
    const summary = await (await callerFor("curator")).admin.jobs.summary();
    expect(summary).toEqual([
      { step: "poster", pending: 0, running: 0, done: 1, failed: 0, missing: 0 },
      { step: "variants", pending: 0, running: 0, done: 2, failed: 2, missing: 2 },
      { step: "quality", pending: 1, running: 1, done: 1, failed: 1, missing: 2 },
      { step: "color", pending: 2, running: 0, done: 1, failed: 1, missing: 2 },
    ]);
  });

  it("lists failed steps with their error and attempts, paginated", async () => {
    const caller = await callerFor("curator");
    const all = await caller.admin.jobs.failed({});
    expect(all.total).toBe(4);
    const first = await caller.admin.jobs.failed({ limit: 3 });
    const rest = await caller.admin.jobs.failed({ limit: 3, offset: 3 });
    expect([...first.items, ...rest.items]).toHaveLength(4);
    const variants = await caller.admin.jobs.failed({ step: "variants" });
    expect(variants.items.map((item) => [item.wallpaperId, item.attempts, item.lastError]).sort()).toEqual(
      [
        [ids.imageVariants, 5, "sharp: corrupt header"],
        [ids.videoVariants, 2, "poster unreadable"],
      ].sort(),
    );
  });

  it("retries failed steps with exactly one triggering event per wallpaper, through the outbox", async () => {
    const before = await lastOutboxId();
    const admin = await callerFor("admin");
    const result = await admin.admin.jobs.retryFailed({});
    expect(result).toEqual({ reset: 4, enqueued: 3 });
    const events = await outboxSince(before);
    const byWallpaper = new Map(
      events.map((e) => [(e.payload as { wallpaperId: string }).wallpaperId, e.type]),
    );
    expect(events).toHaveLength(3);
    expect(Object.fromEntries(byWallpaper)).toEqual({
      // An image's variants come from its original; a video's from its poster; quality+color share one.
      [ids.imageVariants]: "wallpaper.uploaded.v1",
      [ids.imageQualityColor]: "wallpaper.variants.ready.v1",
      [ids.videoVariants]: "wallpaper.poster.ready.v1",
    });
    const rows = await h.deps.db
      .select({ state: processingSteps.state, lastError: processingSteps.lastError })
      .from(processingSteps)
      .where(inArray(processingSteps.wallpaperId, [ids.imageVariants, ids.imageQualityColor]));
    expect(rows.every((row) => row.state !== "failed")).toBe(true);
    // Nothing failed any more: a second click re-drives nothing.
    expect(await admin.admin.jobs.retryFailed({})).toEqual({ reset: 0, enqueued: 0 });
    expect(await outboxSince(before)).toHaveLength(3);
  });

  it("retries only the chosen wallpapers or step", async () => {
    const { db } = h.deps;
    await db
      .update(processingSteps)
      .set({ state: "failed", lastError: "again" })
      .where(
        and(
          eq(processingSteps.wallpaperId, ids.imageQualityColor),
          inArray(processingSteps.step, ["quality", "color"]),
        ),
      );
    const before = await lastOutboxId();
    const admin = await callerFor("admin");
    const result = await admin.admin.jobs.retryFailed({
      wallpaperIds: [ids.imageQualityColor],
      step: "color",
    });
    expect(result).toEqual({ reset: 1, enqueued: 1 });
    const events = await outboxSince(before);
    expect(events.map((e) => [e.type, (e.payload as { wallpaperId: string }).wallpaperId])).toEqual([
      ["wallpaper.variants.ready.v1", ids.imageQualityColor],
    ]);
    const states = await db
      .select({ step: processingSteps.step, state: processingSteps.state })
      .from(processingSteps)
      .where(eq(processingSteps.wallpaperId, ids.imageQualityColor))
      .orderBy(processingSteps.step);
    expect(states).toEqual([
      { step: "color", state: "pending" },
      { step: "quality", state: "failed" },
      { step: "variants", state: "done" },
    ]);
  });

  it("drives nothing for a step stuck behind a failed one", async () => {
    const { db } = h.deps;
    await db
      .update(processingSteps)
      .set({ state: "failed" })
      .where(and(eq(processingSteps.wallpaperId, ids.imageVariants), eq(processingSteps.step, "variants")));
    await db
      .update(processingSteps)
      .set({ state: "failed" })
      .where(and(eq(processingSteps.wallpaperId, ids.imageVariants), eq(processingSteps.step, "color")));
    const before = await lastOutboxId();
    const result = await (await callerFor("admin")).admin.jobs.retryFailed({
      wallpaperIds: [ids.imageVariants],
      step: "color",
    });
    // color is pending again, but it waits for variants: re-running it now could only fail.
    expect(result).toEqual({ reset: 1, enqueued: 0 });
    expect(await outboxSince(before)).toEqual([]);
  });

  it("re-runs a step for the wallpapers missing it, creating their rows, then for all", async () => {
    const admin = await callerFor("admin");
    let before = await lastOutboxId();
    const missing = await admin.admin.jobs.rerun({ step: "quality", scope: "missing" });
    // pendingOld and pendingNew had no rows (their chain starts at variants); imageQualityColor's
    // quality failed above. imageVariants' quality waits for its failed variants.
    expect(missing).toEqual({ reset: 3, enqueued: 3 });
    const events = await outboxSince(before);
    expect(new Set(events.map((e) => (e.payload as { wallpaperId: string }).wallpaperId))).toEqual(
      new Set([ids.pendingOld, ids.pendingNew, ids.imageQualityColor]),
    );
    before = await lastOutboxId();
    const all = await admin.admin.jobs.rerun({ step: "poster", scope: "all" });
    // Only the video needs a poster; its done poster goes back to pending and is driven again.
    expect(all).toEqual({ reset: 1, enqueued: 1 });
    expect((await outboxSince(before)).map((e) => e.type)).toEqual(["wallpaper.uploaded.v1"]);
  });
});

describe("admin.moderation", () => {
  it("queues pending wallpapers oldest first, with open near-duplicate flags", async () => {
    await h.deps.db
      .insert(wallpaperNearDuplicates)
      .values({ wallpaperId: ids.pendingNew, duplicateOf: ids.ok, distance: 3 });
    const queue = await (await callerFor("curator")).admin.moderation.queue({});
    expect(queue.items.map((item) => item.id)).toEqual([ids.pendingOld, ids.pendingNew]);
    expect(queue.total).toBe(2);
    expect(queue.duplicates).toMatchObject([
      { wallpaperId: ids.pendingNew, duplicateOf: ids.ok, distance: 3 },
    ]);
  });

  it("reject hides a wallpaper from wallpaper.search, approve brings it back", async () => {
    const curator = await callerFor("curator");
    const anonymous = await callerFor("anonymous");
    const visible = async () =>
      (await anonymous.wallpaper.search({ limit: 50 })).items.map((item) => item.id);
    expect(await visible()).toContain(ids.ok);
    await expect(
      curator.admin.moderation.reject({ wallpaperIds: [ids.ok], reason: "  " }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await curator.admin.moderation.reject({ wallpaperIds: [ids.ok], reason: "off-topic" })).toEqual({
      changed: [ids.ok],
    });
    expect(await visible()).not.toContain(ids.ok);
    const rejected = await curator.admin.moderation.queue({ status: "rejected" });
    expect(rejected.items).toMatchObject([{ id: ids.ok, moderationReason: "off-topic" }]);

    await curator.admin.moderation.approve({ wallpaperIds: [ids.ok, ids.pendingOld] });
    expect(await visible()).toEqual(expect.arrayContaining([ids.ok, ids.pendingOld]));
    // Approving again changes nothing.
    expect(await curator.admin.moderation.approve({ wallpaperIds: [ids.ok] })).toEqual({ changed: [] });
  });

  it("answers not_found with the missing ids", async () => {
    const curator = await callerFor("curator");
    const ghost = "00000000-0000-4000-8000-000000000000";
    await expect(curator.admin.moderation.approve({ wallpaperIds: [ghost] })).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { details: { reason: "wallpaper_not_found", missing: [ghost] } },
    });
  });

  it("resolves a near-duplicate by rejecting the copy", async () => {
    const curator = await callerFor("curator");
    const result = await curator.admin.moderation.resolveDuplicate({
      wallpaperId: ids.pendingNew,
      duplicateOf: ids.ok,
      action: "reject",
    });
    expect(result).toEqual({ resolved: 1 });
    const queue = await curator.admin.moderation.queue({});
    expect(queue.duplicates).toEqual([]);
    const rejected = await curator.admin.moderation.queue({ status: "rejected" });
    expect(rejected.items.map((item) => item.id)).toEqual([ids.pendingNew]);
  });
});

describe("authorization", () => {
  const outcomes = async (call: (c: Awaited<ReturnType<typeof callerFor>>) => Promise<unknown>) => {
    const result: Record<string, string> = {};
    for (const who of ["anonymous", "user", "curator", "admin"] as const) {
      try {
        await call(await callerFor(who));
        result[who] = "ok";
      } catch (error) {
        result[who] = String((error as { code?: string }).code);
      }
    }
    return result;
  };

  it("lets curators moderate and read jobs, and only admins re-drive work", async () => {
    const curatorRead = { anonymous: "UNAUTHORIZED", user: "FORBIDDEN", curator: "ok", admin: "ok" };
    expect(await outcomes((c) => c.admin.moderation.queue({}))).toEqual(curatorRead);
    expect(await outcomes((c) => c.admin.moderation.approve({ wallpaperIds: [ids.ok] }))).toEqual(
      curatorRead,
    );
    expect(await outcomes((c) => c.admin.jobs.summary())).toEqual(curatorRead);
    const adminOnly = { anonymous: "UNAUTHORIZED", user: "FORBIDDEN", curator: "FORBIDDEN", admin: "ok" };
    expect(await outcomes((c) => c.admin.jobs.retryFailed({ step: "poster" }))).toEqual(adminOnly);
  });
});
