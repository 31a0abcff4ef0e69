import { randomBytes } from "node:crypto";
import { users, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { upsertFacts } from "@wallpaperdb/pipeline";
import { MAX_TAGS_PER_WALLPAPER, setTags } from "@wallpaperdb/tags";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handleProcessedAutotag } from "../src/handlers/autotag.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("wpdb_workers_autotag");
});
afterAll(async () => {
  await database?.drop();
});

async function processedWallpaper(): Promise<string> {
  const [row] = await database.db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType: "image",
      mimeType: "image/jpeg",
      originalKey: `originals/${randomBytes(8).toString("hex")}`,
      sizeBytes: 1000,
      width: 3840,
      height: 2160,
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no wallpaper");
  await upsertFacts(database.db, row.id, {
    resolutionClass: "4K",
    aspectName: "16:9",
    orientation: "landscape",
  });
  return row.id;
}

const event = (wallpaperId: string) =>
  ({ data: { wallpaperId } }) as Parameters<typeof handleProcessedAutotag>[1];

const tagsBySource = async (id: string) =>
  [
    ...(await database.db.execute<{ source: string; n: number }>(
      sql`select source::text, count(*)::int as n from wallpaper_tags where wallpaper_id = ${id} group by source order by source`,
    )),
  ].map((row) => `${row.source} ${row.n}`);

it("adds the auto tags of a processed wallpaper", async () => {
  const id = await processedWallpaper();
  await expect(handleProcessedAutotag({ db: database.db }, event(id))).resolves.toEqual({ status: "done" });
  expect(await tagsBySource(id)).toEqual(["auto 3"]);
});

it("skips, without retrying, a wallpaper its curators filled to the tag limit", async () => {
  const id = await processedWallpaper();
  const curator = { id: "u_autotag_curator" };
  await database.db.insert(users).values({ ...curator, name: "c", email: "c@example.test", role: "curator" });
  const names = Array.from({ length: MAX_TAGS_PER_WALLPAPER }, (_, i) => `full_${i}`);
  for (let from = 0; from < names.length; from += 100) {
    await setTags(database.db, id, { add: names.slice(from, from + 100) }, curator);
  }
  await expect(handleProcessedAutotag({ db: database.db }, event(id))).resolves.toEqual({
    status: "skipped",
    reason: `the wallpaper is at the ${MAX_TAGS_PER_WALLPAPER}-tag limit`,
  });
  expect(await tagsBySource(id)).toEqual([`human ${MAX_TAGS_PER_WALLPAPER}`]);
});
