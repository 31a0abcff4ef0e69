import { wallpaperNearDuplicates } from "@wallpaperdb/db";
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
