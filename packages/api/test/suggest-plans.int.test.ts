import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { explainNodes, type PlanNode } from "@wallpaperdb/search/testing/plans";
import {
  CO_OCCURRENCE_SAMPLE,
  coOccurrenceQuery,
  flaggedDuplicatesQuery,
  neighbourTagsQuery,
} from "@wallpaperdb/tags";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

// Tag suggestions' reads at a size where a sequential scan of wallpaper_tags would be chosen if a
// statement had no index to start from: 20,000 wallpapers with six tags each from a Zipf head.
const WALLPAPERS = 20_000;
const TAGS = 2_000;
const HEAD = 300;

let database: TestDatabase;
let target = "";
let neighbours: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase("wpdb_suggest_plans");
  const { db } = database;
  await db.execute(sql`select setseed(0.23)`);
  await db.execute(
    sql`insert into tags (name) select 'plan_tag_' || g from generate_series(1, ${TAGS}::int) g`,
  );
  await db.execute(sql`insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes, width, height, processed_at)
    select encode(sha256(('suggest' || g)::bytea), 'hex'), 'image', 'image/png', 'originals/s' || g, 1, 1920, 1080, now()
    from generate_series(1, ${WALLPAPERS}::int) g`);
  await db.execute(sql`insert into wallpaper_tags (wallpaper_id, tag_id, source)
    select distinct w.id, least(${HEAD}, floor(exp(random() * ln(${HEAD} + 1)))::int), 'human'::tag_source
    from wallpapers w cross join generate_series(1, 6) k on conflict do nothing`);
  const ids = await db.execute<{ id: string }>(
    sql`select id::text as id from wallpapers order by id limit 25`,
  );
  [target = "", ...neighbours] = ids.map((row) => row.id);
  // The most used tag on the target too, so its sample is full.
  await db.execute(
    sql`insert into wallpaper_tags (wallpaper_id, tag_id, source) values (${target}, 1, 'human') on conflict do nothing`,
  );
  for (const id of neighbours.slice(0, 3))
    await db.execute(
      sql`insert into wallpaper_near_duplicates (wallpaper_id, duplicate_of, distance) values (${id}, ${target}, 3)`,
    );
  // Many flagged pairs elsewhere, as an import leaves them: each direction must have its index.
  await db.execute(sql`insert into wallpaper_near_duplicates (wallpaper_id, duplicate_of, distance)
    select id, next, 5 from (select id, lead(id) over (order by sha256) as next from wallpapers) p
    where next is not null on conflict do nothing`);
  await database.sql.unsafe("vacuum analyze");
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const seqScans = (nodes: PlanNode[]) =>
  nodes.filter(
    (n) =>
      n["Node Type"] === "Seq Scan" &&
      ["wallpaper_tags", "wallpapers", "wallpaper_near_duplicates"].includes(n["Relation Name"] ?? ""),
  );

it(`co-occurrence: a sample of ${CO_OCCURRENCE_SAMPLE} per tag by the tag index, their tags by primary key`, async () => {
  const nodes = await explainNodes(database.db, coOccurrenceQuery(target, 200));
  const indexes = nodes.map((n) => n["Index Name"]);
  expect(indexes).toContain("wallpaper_tags_tag_idx");
  expect(indexes).toContain("wallpaper_tags_wallpaper_id_tag_id_source_pk");
  expect(seqScans(nodes)).toEqual([]);
});

it("neighbours' tags and flagged duplicates: by their indexes", async () => {
  const tagged = await explainNodes(database.db, neighbourTagsQuery(neighbours));
  expect(tagged.map((n) => n["Index Name"])).toContain("wallpaper_tags_wallpaper_id_tag_id_source_pk");
  expect(seqScans(tagged)).toEqual([]);
  const flagged = await explainNodes(database.db, flaggedDuplicatesQuery(target));
  expect(flagged.map((n) => n["Index Name"])).toEqual(
    expect.arrayContaining([
      "wallpaper_near_duplicates_wallpaper_id_duplicate_of_pk",
      "wallpaper_near_duplicates_of_idx",
    ]),
  );
  expect(seqScans(flagged)).toEqual([]);
});
