import { randomUUID } from "node:crypto";
import { tags, wallpapers, wallpaperTags } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

// wallpapers.tag_ids is what gallery search filters on; the triggers of migration 0009 keep it equal to
// the distinct, sorted tag ids of wallpaper_tags through every kind of statement.
let database: TestDatabase;
let tagIds: number[];
let wallpaperIds: string[];

beforeAll(async () => {
  database = await createTestDatabase("wpdb_tag_ids");
  const created = await database.db
    .insert(tags)
    .values(["alpha", "beta", "gamma"].map((name) => ({ name })))
    .returning({ id: tags.id });
  tagIds = created.map((row) => row.id).sort((a, b) => a - b);
  wallpaperIds = [randomUUID(), randomUUID()];
  await database.db.insert(wallpapers).values(
    wallpaperIds.map((id, i) => ({
      id,
      sha256: String(i).repeat(64),
      mediaType: "image" as const,
      mimeType: "image/png",
      originalKey: `originals/${id}`,
      sizeBytes: 1,
      width: 10,
      height: 10,
    })),
  );
});

afterAll(async () => {
  await database?.drop();
});

async function mirrored(id: string) {
  const [row] = await database.db
    .select({ tagIds: wallpapers.tagIds })
    .from(wallpapers)
    .where(eq(wallpapers.id, id));
  const [truth] = await database.db.execute<{ ids: number[] }>(
    sql`select coalesce(array_agg(distinct tag_id order by tag_id), '{}') as ids from wallpaper_tags where wallpaper_id = ${id}::uuid`,
  );
  expect(row?.tagIds).toEqual(truth?.ids);
  return row?.tagIds;
}

it("follows inserts (several wallpapers and sources in one statement), updates, deletes and cascades", async () => {
  const [a = 0, b = 0, c = 0] = tagIds;
  const [w1 = "", w2 = ""] = wallpaperIds;
  await database.db.insert(wallpaperTags).values([
    { wallpaperId: w1, tagId: c, source: "human" },
    { wallpaperId: w1, tagId: a, source: "human" },
    { wallpaperId: w1, tagId: a, source: "auto" },
    { wallpaperId: w2, tagId: b, source: "implied" },
  ]);
  expect(await mirrored(w1)).toEqual([a, c]);
  expect(await mirrored(w2)).toEqual([b]);

  // An auto row goes but the human row for the same tag stays: still tagged.
  await database.db
    .delete(wallpaperTags)
    .where(and(eq(wallpaperTags.wallpaperId, w1), eq(wallpaperTags.source, "auto")));
  expect(await mirrored(w1)).toEqual([a, c]);

  await database.db.update(wallpaperTags).set({ tagId: b }).where(eq(wallpaperTags.tagId, c));
  expect(await mirrored(w1)).toEqual([a, b]);

  // Deleting a tag cascades to wallpaper_tags; the trigger sees the cascade too.
  await database.db.delete(tags).where(eq(tags.id, b));
  expect(await mirrored(w1)).toEqual([a]);
  expect(await mirrored(w2)).toEqual([]);
});
