import { wallpaperClassifications, wallpaperNearDuplicates, wallpapers } from "@wallpaperdb/db";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useAdminWorld } from "./admin-fixture.ts";

const world = useAdminWorld();
const { callerFor } = world;

describe("admin.moderation", () => {
  it("queues pending wallpapers oldest first, with open near-duplicate flags", async () => {
    await world.h.deps.db
      .insert(wallpaperNearDuplicates)
      .values({ wallpaperId: world.ids.pendingNew, duplicateOf: world.ids.ok, distance: 3 });
    const queue = await (await callerFor("curator")).admin.moderation.queue({});
    expect(queue.items.map((item) => item.id)).toEqual([world.ids.pendingOld, world.ids.pendingNew]);
    expect(queue.total).toBe(2);
    expect(queue.duplicates).toMatchObject([
      { wallpaperId: world.ids.pendingNew, duplicateOf: world.ids.ok, distance: 3 },
    ]);
  });

  it("shows the model's scores and suggestion beside the purity and where it came from; a curator's decision is final", async () => {
    const { db } = world.h.deps;
    const id = world.ids.pendingNew;
    await db.insert(wallpaperClassifications).values({
      wallpaperId: id,
      model: "nsfwjs@4.4.0/MobileNetV2",
      drawing: 0.01,
      hentai: 0.02,
      neutral: 0.01,
      porn: 0.95,
      sexy: 0.01,
      suggestedPurity: "nsfw",
      embedding: Array.from({ length: 64 }, (_, d) => (d === 0 ? 1 : 0)),
      embeddingSign: 1n,
      embeddingVersion: 1,
    });
    await db.update(wallpapers).set({ purity: "nsfw", puritySource: "model" }).where(eq(wallpapers.id, id));
    const curator = await callerFor("curator");
    const queue = await curator.admin.moderation.queue({});
    const item = queue.items.find((entry) => entry.id === id);
    expect(item).toMatchObject({
      purity: "nsfw",
      puritySource: "model",
      classification: { suggestedPurity: "nsfw", model: "nsfwjs@4.4.0/MobileNetV2" },
    });
    expect(item?.classification?.porn).toBeCloseTo(0.95, 5);
    // Not classified yet: no scores.
    expect(queue.items.find((entry) => entry.id === world.ids.pendingOld)?.classification).toBeNull();
    // Confirming the model's purity makes it the curator's (the model may not change it any more).
    expect(await curator.wallpaper.setPurity({ wallpaperId: id, purity: "nsfw" })).toEqual({
      purity: "nsfw",
      changed: false,
    });
    const after = await curator.admin.moderation.queue({});
    expect(after.items.find((entry) => entry.id === id)).toMatchObject({
      purity: "nsfw",
      puritySource: "curator",
    });
    await db.update(wallpapers).set({ purity: "sfw", puritySource: "default" }).where(eq(wallpapers.id, id));
    await db.delete(wallpaperClassifications).where(eq(wallpaperClassifications.wallpaperId, id));
  });

  it("pages the open near-duplicate flags oldest first, with their total", async () => {
    const { ok, imageVariants, imageQualityColor, videoVariants, pendingOld, pendingNew } = world.ids;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await world.h.deps.db.insert(wallpaperNearDuplicates).values([
      { wallpaperId: imageVariants, duplicateOf: ok, distance: 2, flaggedAt: minutesAgo(40) },
      { wallpaperId: imageQualityColor, duplicateOf: ok, distance: 4, flaggedAt: minutesAgo(30) },
      { wallpaperId: videoVariants, duplicateOf: ok, distance: 6, flaggedAt: minutesAgo(20) },
      { wallpaperId: pendingOld, duplicateOf: ok, distance: 0, flaggedAt: minutesAgo(10), resolved: true },
    ]);
    const curator = await callerFor("curator");
    const first = await curator.admin.moderation.queue({ duplicatesLimit: 2 });
    // Three open flags here and pendingNew's from the first test; the resolved one is not counted.
    expect(first.duplicatesTotal).toBe(4);
    expect(first.duplicates.map((flag) => flag.wallpaperId)).toEqual([imageVariants, imageQualityColor]);
    const second = await curator.admin.moderation.queue({ duplicatesLimit: 2, duplicatesOffset: 2 });
    expect(second.duplicatesTotal).toBe(4);
    expect(second.duplicates.map((flag) => flag.wallpaperId)).toEqual([videoVariants, pendingNew]);
    await expect(curator.admin.moderation.queue({ duplicatesLimit: 201 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await world.h.deps.db
      .delete(wallpaperNearDuplicates)
      .where(
        inArray(wallpaperNearDuplicates.wallpaperId, [
          imageVariants,
          imageQualityColor,
          videoVariants,
          pendingOld,
        ]),
      );
  });

  it("reject hides a wallpaper from wallpaper.search, approve brings it back", async () => {
    const curator = await callerFor("curator");
    const anonymous = await callerFor("anonymous");
    const visible = async () =>
      (await anonymous.wallpaper.search({ limit: 50 })).items.map((item) => item.id);
    expect(await visible()).toContain(world.ids.ok);
    await expect(
      curator.admin.moderation.reject({ wallpaperIds: [world.ids.ok], reason: "  " }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(
      await curator.admin.moderation.reject({ wallpaperIds: [world.ids.ok], reason: "off-topic" }),
    ).toEqual({
      changed: [world.ids.ok],
    });
    expect(await visible()).not.toContain(world.ids.ok);
    const rejected = await curator.admin.moderation.queue({ status: "rejected" });
    expect(rejected.items).toMatchObject([{ id: world.ids.ok, moderationReason: "off-topic" }]);

    await curator.admin.moderation.approve({ wallpaperIds: [world.ids.ok, world.ids.pendingOld] });
    expect(await visible()).toEqual(expect.arrayContaining([world.ids.ok, world.ids.pendingOld]));
    // Approving again changes nothing.
    expect(await curator.admin.moderation.approve({ wallpaperIds: [world.ids.ok] })).toEqual({ changed: [] });
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
      wallpaperId: world.ids.pendingNew,
      duplicateOf: world.ids.ok,
      action: "reject",
    });
    expect(result).toEqual({ resolved: 1 });
    const queue = await curator.admin.moderation.queue({});
    expect(queue.duplicates).toEqual([]);
    const rejected = await curator.admin.moderation.queue({ status: "rejected" });
    expect(rejected.items.map((item) => item.id)).toEqual([world.ids.pendingNew]);
  });
});
