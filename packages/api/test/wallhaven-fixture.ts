import { createApiKey } from "@wallpaperdb/auth";
import { users, wallpaperDailyStats, wallpaperPopularity, wallpapers } from "@wallpaperdb/db";
import { refreshTopScores, utcDay } from "@wallpaperdb/search";
import { type FixtureWallpaper, makeFixture } from "@wallpaperdb/search/testing/fixture";
import { seedFixture } from "@wallpaperdb/search/testing/seed";
import { eq, inArray, sql } from "drizzle-orm";
import type { ApiDeps } from "../src/index.ts";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { seedUsers } from "./seed-users.ts";

export interface WallhavenFixture {
  rows: FixtureWallpaper[];
  visible: FixtureWallpaper[];
  tagIds: Map<string, number>;
  sketchyIds: string[];
  nsfwIds: string[];
  /** the key of `wh_owner`, whose settings show every purity */
  ownerKey: string;
  publicCollection: { id: string; ids: string[] };
  privateCollection: { id: string; ids: string[] };
}

const daysAgo = (days: number) => utcDay(new Date(Date.now() - days * 86_400_000));

/**
 * The search fixture (tags, aliases, colours, sizes, uploaders ada and grace) plus what wallhaven's
 * parameters need: sketchy and nsfw wallpapers, favourites and views on different days (so the top
 * ranges differ), an API key owner with public and private collections.
 */
export async function seedWallhavenFixture(deps: ApiDeps): Promise<WallhavenFixture> {
  const { db } = deps;
  const rows = makeFixture();
  const tagIds = await seedFixture(db, rows);
  const visible = rows.filter((row) => row.processed && row.moderation === "approved");
  const sketchyIds = visible.filter((_, index) => index % 5 === 1).map((row) => row.id);
  const nsfwIds = visible.filter((_, index) => index % 7 === 2 && index % 5 !== 1).map((row) => row.id);
  await db.update(wallpapers).set({ purity: "sketchy" }).where(inArray(wallpapers.id, sketchyIds));
  await db.update(wallpapers).set({ purity: "nsfw" }).where(inArray(wallpapers.id, nsfwIds));

  const fans = ["wh_fan1", "wh_fan2", "wh_fan3"];
  await seedUsers(db, [{ id: "wh_owner" }, ...fans.map((id) => ({ id }))]);
  await db.update(users).set({ username: "wh_owner" }).where(eq(users.id, "wh_owner"));
  const ownerKey = (await createApiKey(db, "wh_owner", "wallhaven")).key;
  const base = await createTRPCContext({ headers: new Headers(), deps });
  for (const [index, fan] of fans.entries()) {
    const caller = createCaller({ ...base, user: { id: fan, role: "user", via: "session" } });
    for (const row of visible.slice(0, 12 - index * 4)) {
      await caller.favorite.set({ wallpaperId: row.id, favorite: true });
    }
  }
  // Views: recent ones on a few wallpapers, old ones (outside 1w, inside 1M) on others.
  const viewRows = visible.slice(20, 40).map((row, index) => ({
    day: index < 10 ? daysAgo(0) : daysAgo(20),
    wallpaperId: row.id,
    views: 5 + index * 3,
  }));
  await db.insert(wallpaperDailyStats).values(viewRows).onConflictDoNothing();
  await db
    .insert(wallpaperPopularity)
    .values(viewRows.map((row) => ({ wallpaperId: row.wallpaperId, views: row.views })))
    .onConflictDoUpdate({ target: wallpaperPopularity.wallpaperId, set: { views: sql`excluded.views` } });
  await refreshTopScores(db);

  const owner = createCaller({ ...base, user: { id: "wh_owner", role: "user", via: "api_key" } });
  const publicIds = visible
    .filter((row) => !sketchyIds.includes(row.id) && !nsfwIds.includes(row.id))
    .slice(0, 30);
  const made = await owner.collection.create({ name: "Walls", isPublic: true });
  await owner.collection.add({ collectionId: made.id, wallpaperIds: publicIds.map((row) => row.id) });
  const secret = await owner.collection.create({ name: "Secret" });
  const secretIds = publicIds.slice(0, 2).map((row) => row.id);
  await owner.collection.add({ collectionId: secret.id, wallpaperIds: secretIds });
  await owner.settings.update({ purities: ["sfw", "sketchy", "nsfw"] });
  return {
    rows,
    visible,
    tagIds,
    sketchyIds,
    nsfwIds,
    ownerKey,
    publicCollection: { id: made.id, ids: publicIds.map((row) => row.id) },
    privateCollection: { id: secret.id, ids: secretIds },
  };
}
