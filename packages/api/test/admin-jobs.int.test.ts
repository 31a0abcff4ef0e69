import { outbox, processingSteps } from "@wallpaperdb/db";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useAdminWorld } from "./admin-fixture.ts";

const world = useAdminWorld();
const { callerFor } = world;

async function outboxSince(id: number) {
  return world.h.deps.db
    .select({ type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(gt(outbox.id, id))
    .orderBy(asc(outbox.id));
}

async function lastOutboxId(): Promise<number> {
  const rows = await world.h.deps.db.select({ id: outbox.id }).from(outbox);
  return Math.max(0, ...rows.map((row) => row.id));
}

describe("admin.jobs", () => {
  it("summarizes every step's states, and the wallpapers missing a step row", async () => {
    const summary = await (await callerFor("curator")).admin.jobs.summary();
    expect(summary).toEqual([
      { step: "poster", pending: 0, running: 0, done: 1, failed: 0, missing: 0 },
      { step: "variants", pending: 0, running: 0, done: 2, failed: 2, missing: 2 },
      { step: "quality", pending: 1, running: 1, done: 1, failed: 1, missing: 2 },
      { step: "color", pending: 2, running: 0, done: 1, failed: 1, missing: 2 },
      // The fixture predates the classify and detect steps: every wallpaper misses them.
      { step: "classify", pending: 0, running: 0, done: 0, failed: 0, missing: 6 },
      { step: "detect", pending: 0, running: 0, done: 0, failed: 0, missing: 6 },
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
        [world.ids.imageVariants, 5, "sharp: corrupt header"],
        [world.ids.videoVariants, 2, "poster unreadable"],
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
      [world.ids.imageVariants]: "wallpaper.uploaded.v1",
      [world.ids.imageQualityColor]: "wallpaper.variants.ready.v1",
      [world.ids.videoVariants]: "wallpaper.poster.ready.v1",
    });
    const rows = await world.h.deps.db
      .select({ state: processingSteps.state, lastError: processingSteps.lastError })
      .from(processingSteps)
      .where(inArray(processingSteps.wallpaperId, [world.ids.imageVariants, world.ids.imageQualityColor]));
    expect(rows.every((row) => row.state !== "failed")).toBe(true);
    // Nothing failed any more: a second click re-drives nothing.
    expect(await admin.admin.jobs.retryFailed({})).toEqual({ reset: 0, enqueued: 0 });
    expect(await outboxSince(before)).toHaveLength(3);
  });

  it("retries only the chosen wallpapers or step", async () => {
    const { db } = world.h.deps;
    await db
      .update(processingSteps)
      .set({ state: "failed", lastError: "again" })
      .where(
        and(
          eq(processingSteps.wallpaperId, world.ids.imageQualityColor),
          inArray(processingSteps.step, ["quality", "color"]),
        ),
      );
    const before = await lastOutboxId();
    const admin = await callerFor("admin");
    const result = await admin.admin.jobs.retryFailed({
      wallpaperIds: [world.ids.imageQualityColor],
      step: "color",
    });
    expect(result).toEqual({ reset: 1, enqueued: 1 });
    const events = await outboxSince(before);
    expect(events.map((e) => [e.type, (e.payload as { wallpaperId: string }).wallpaperId])).toEqual([
      ["wallpaper.variants.ready.v1", world.ids.imageQualityColor],
    ]);
    const states = await db
      .select({ step: processingSteps.step, state: processingSteps.state })
      .from(processingSteps)
      .where(eq(processingSteps.wallpaperId, world.ids.imageQualityColor))
      .orderBy(processingSteps.step);
    expect(states).toEqual([
      { step: "color", state: "pending" },
      { step: "quality", state: "failed" },
      { step: "variants", state: "done" },
    ]);
  });

  it("drives nothing for a step stuck behind a failed one", async () => {
    const { db } = world.h.deps;
    await db
      .update(processingSteps)
      .set({ state: "failed" })
      .where(
        and(eq(processingSteps.wallpaperId, world.ids.imageVariants), eq(processingSteps.step, "variants")),
      );
    await db
      .update(processingSteps)
      .set({ state: "failed" })
      .where(
        and(eq(processingSteps.wallpaperId, world.ids.imageVariants), eq(processingSteps.step, "color")),
      );
    const before = await lastOutboxId();
    const result = await (await callerFor("admin")).admin.jobs.retryFailed({
      wallpaperIds: [world.ids.imageVariants],
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
      new Set([world.ids.pendingOld, world.ids.pendingNew, world.ids.imageQualityColor]),
    );
    before = await lastOutboxId();
    const all = await admin.admin.jobs.rerun({ step: "poster", scope: "all" });
    // Only the video needs a poster; its done poster goes back to pending and is driven again.
    expect(all).toEqual({ reset: 1, enqueued: 1 });
    expect((await outboxSince(before)).map((e) => e.type)).toEqual(["wallpaper.uploaded.v1"]);
  });
});
