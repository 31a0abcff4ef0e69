import type { Caller } from "@wallpaperdb/auth";
import { wallpapers } from "@wallpaperdb/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { take, useProgressWorld, view, withTimeout } from "./progress-fixture.ts";
import { seedUsers } from "./seed-users.ts";

const world = useProgressWorld();
const { runRelay, createWallpaper, subscribe, start, finish } = world;

describe("progress.wallpaper visibility", () => {
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

    await world.h.deps.db.update(wallpapers).set({ moderation: "rejected" }).where(eq(wallpapers.id, id));
    await finish(id, "variants");
    await expect(withTimeout(feed.next(), 4_000)).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { code: "not_found" },
    });
  });

  it("ends the feed with not_found when the wallpaper is deleted mid-stream (no change follows)", async () => {
    await runRelay();
    const id = await createWallpaper();
    await seedUsers(world.h.deps.db, [{ id: "progress_deleter", role: "curator" }]);
    const feed = await subscribe(id);
    await take(feed, 1);
    await start(id, "variants");
    await take(feed, 1);

    const ctx = await createTRPCContext({ headers: new Headers(), deps: world.h.deps });
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
    } satisfies Record<string, Caller>;
    await seedUsers(world.h.deps.db, Object.values(people));
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
        expect(view(first.value)).toEqual([
          "variants:pending:0",
          "quality:pending:0",
          "color:pending:0",
          "classify:pending:0",
          "detect:pending:0",
        ]);
        await feed.return?.();
      }
    }
  });
});
