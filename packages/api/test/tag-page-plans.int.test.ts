import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { explainNodes, type PlanNode } from "@wallpaperdb/search/testing/plans";
import {
  didYouMean,
  didYouMeanQuery,
  RELATED_SAMPLE,
  relatedTags,
  relatedTagsQuery,
} from "@wallpaperdb/tags";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The tag pages' queries at a size the suite can afford (pnpm bench:search times them at 100k/20k):
// 20,000 wallpapers, 5,000 tags (a Zipf head of 500 and a long tail of two-word names), each with an alias.
const WALLPAPERS = 20_000;
const TAGS = 5_000;
const HEAD = 500;
const WORDS = ["anime", "nature", "city", "space", "mountain", "forest", "ocean", "night", "sunset", "neon"];

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("wpdb_tag_page_plans");
  const { db } = database;
  const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(",")}]`);
  await db.execute(sql`select setseed(0.17)`);
  await db.execute(sql`insert into tags (name)
    select (${words})[1 + g % ${WORDS.length}] || '_' || (${words})[1 + (g / ${WORDS.length}) % ${WORDS.length}] || '_' || g
    from generate_series(1, ${TAGS}::int) g order by g`);
  await db.execute(
    sql`insert into tag_aliases (name, tag_id) select 'alias_' || name, id from tags where id % 10 = 0`,
  );
  await db.execute(sql`insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes, width, height, processed_at)
    select encode(sha256(('plans' || g)::bytea), 'hex'), 'image', 'image/png', 'originals/p' || g, 1, 1920, 1080, now()
    from generate_series(1, ${WALLPAPERS}::int) g`);
  await db.execute(sql`insert into wallpaper_tags (wallpaper_id, tag_id, source)
    select distinct w.id, least(${HEAD}, floor(exp(random() * ln(${HEAD} + 1)))::int), 'human'::tag_source
    from wallpapers w cross join generate_series(1, 6) k on conflict do nothing`);
  await db.execute(sql`insert into wallpaper_tags (wallpaper_id, tag_id, source)
    select n.id, p.tag_id, 'human'::tag_source
    from (select t.id as tag_id, 1 + floor(random() * ${WALLPAPERS})::int as pick from tags t where t.id > ${HEAD}) p
    join (select id, row_number() over (order by id) as n from wallpapers) n on n.n = p.pick
    on conflict do nothing`);
  await db.execute(sql`update tags t set wallpaper_count = c.n
    from (select tag_id, count(distinct wallpaper_id)::int as n from wallpaper_tags group by tag_id) c where c.tag_id = t.id`);
  await database.sql.unsafe("vacuum analyze");
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const seqScans = (nodes: PlanNode[], ...relations: string[]) =>
  nodes.filter((n) => n["Node Type"] === "Seq Scan" && relations.includes(n["Relation Name"] ?? ""));

describe(`EXPLAIN of the tag pages' queries over ${WALLPAPERS} wallpapers and ${TAGS} tags`, () => {
  it("did you mean: a nearest-first walk of the trigram index of names; aliases' own when they are many", async () => {
    for (const name of ["mountian_city", "forrest", "nigth_oceen"]) {
      const nodes = await explainNodes(database.db, didYouMeanQuery(name));
      const names = nodes.find((n) => n["Index Name"] === "tags_name_trgm_knn_idx");
      // An ordered index scan (k nearest), not a bitmap of every name sharing a trigram.
      expect(names?.["Node Type"]).toBe("Index Scan");
      expect(seqScans(nodes, "tags")).toEqual([]);
      // 5,000 aliases are read faster whole than through the index (the planner is right to); the
      // index must still answer `%` once a sequential read costs more.
      const forced = await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return explainNodes(tx, didYouMeanQuery(name));
      });
      expect(forced.map((n) => n["Index Name"])).toContain("tag_aliases_name_trgm_knn_idx");
    }
    // A close alias finds its tag, and says which alias it was.
    const [hit] = await didYouMean(database.db, "alias_anime_mountain_40x");
    expect(hit?.matchedAlias).toMatch(/^alias_anime_mountain_40/u);
    expect(hit?.name).toBe(hit?.matchedAlias?.slice("alias_".length));
  });

  it("related tags: a bounded index-only sample, then its wallpapers by index, no sequential scan", async () => {
    const [big] = await database.db.execute<{ id: number; n: number }>(
      sql`select id, wallpaper_count as n from tags order by wallpaper_count desc limit 1`,
    );
    expect(big?.n).toBeGreaterThan(RELATED_SAMPLE);
    for (const id of [big?.id ?? 1, HEAD + 7]) {
      const nodes = await explainNodes(database.db, relatedTagsQuery(id, 20));
      const indexes = nodes.map((n) => n["Index Name"]);
      expect(indexes).toContain("wallpaper_tags_tag_idx");
      // The sample's wallpapers by primary key (what 100k wallpapers get), or at this size a hash join
      // with the index-only walk of the visible index, which carries tag_ids.
      expect(indexes.includes("wallpapers_pkey") || indexes.includes("wallpapers_visible_newest_idx")).toBe(
        true,
      );
      expect(nodes.find((n) => n["Index Name"] === "wallpaper_tags_tag_idx")?.["Node Type"]).toBe(
        "Index Only Scan",
      );
      expect(seqScans(nodes, "wallpapers", "wallpaper_tags")).toEqual([]);
    }
    const related = await relatedTags(database.db, big?.id ?? 1);
    expect(related).toMatchObject({ sampled: RELATED_SAMPLE, estimated: true });
    expect(related.items).toHaveLength(20);
  });
});
