import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresSearch, pageQuery } from "../src/postgres/postgres-backend.ts";
import { prepareSearch } from "../src/prepare.ts";
import { type SearchInput, searchInput } from "../src/query/input.ts";
import { parseSearchQuery } from "../src/query/parse-query.ts";
import { refreshTopScores } from "../src/top-scores.ts";
import { explainNodes, type PlanNode } from "./plans.ts";
import { seedGenerated } from "./seed.ts";

const ROWS = 20_000;
const NOW = new Date("2026-06-30T12:00:00Z");

let database: TestDatabase;
let ids: string[] = [];

/** Adds views and favourites gained to a wallpaper's row of `daysAgo` days before NOW. */
async function activity(id: string, daysAgo: number, views: number, favorites = 0) {
  await database.db.execute(sql`
    insert into wallpaper_daily_stats (day, wallpaper_id, views, favorites)
    values (${NOW.toISOString().slice(0, 10)}::date - ${daysAgo}::int, ${id}::uuid, ${views}, ${favorites})
    on conflict (day, wallpaper_id) do update set views = wallpaper_daily_stats.views + excluded.views,
      favorites = wallpaper_daily_stats.favorites + excluded.favorites`);
}

const top = (q: string, limit = 60): SearchInput => {
  const parsed = parseSearchQuery(q, { limit });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
};

beforeAll(async () => {
  database = await createTestDatabase("wpdb_top_list");
  await seedGenerated(database.db, ROWS);
  const rows = await database.db.execute<{ id: string }>(sql`
    select id::text from wallpapers where processed_at is not null and moderation = 'approved'
    order by id limit 4`);
  ids = rows.map((row) => row.id);
  // Background: a year of daily rows for every wallpaper on about one day in 20 (≈ 360k rows).
  await database.db.execute(sql`
    insert into wallpaper_daily_stats (day, wallpaper_id, views, favorites)
    select ${NOW.toISOString().slice(0, 10)}::date - d, w.id, 1 + abs(hashtext(w.id::text || d)::bigint) % 5, 0
    from wallpapers w cross join generate_series(0, 364) d
    where abs(hashtext(w.id::text || 'day' || d)::bigint) % 20 = 0 and w.id <> all(${`{${ids.join(",")}}`}::uuid[])`);
  const [a, b, c, d] = ids;
  if (!a || !b || !c || !d) throw new Error("the seed has too few visible wallpapers");
  await activity(a, 0, 300); // today's hit
  await activity(b, 0, 120);
  await activity(b, 4, 0, 25); // 250 more within the week, as favourites
  await activity(c, 60, 2000); // the spring's favourite: only in 3M and longer
  await activity(d, 200, 900, 100); // last year's: 1900 in 1y only
  await refreshTopScores(database.db, NOW);
  await database.db.execute(sql`analyze`);
}, 180_000);

afterAll(async () => {
  await database?.drop();
});

describe("the top list", () => {
  it("ranks by views + 10 x favourites gained within the range", async () => {
    const search = createPostgresSearch(database.db);
    const first = async (q: string) => (await search.search(top(q, 2))).items.map((item) => item.id);
    const [a, b, c, d] = ids;
    expect(await first("sort:top range:1d")).toEqual([a, b]);
    expect(await first("sort:top range:1w")).toEqual([b, a]); // 120 + 250 beats 300
    expect(await first("sort:top range:3M")).toEqual([c, b]);
    expect(await first("sort:top")).toEqual([b, a]); // 1M by default, as wallhaven
    expect(await first("sort:top range:1y")).toEqual([c, d]);
  });

  it("pages the whole list with cursors: every scored wallpaper once, in score order", async () => {
    const search = createPostgresSearch(database.db);
    const input = top("sort:top range:1w", 97);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search.search(input, cursor);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    const expected = await database.db.execute<{ id: string }>(sql`
      select t.wallpaper_id::text as id from wallpaper_top_scores t join wallpapers w on w.id = t.wallpaper_id
      where t.range = '1w' and w.processed_at is not null and w.moderation = 'approved'
      order by t.score desc, t.wallpaper_id desc`);
    expect(pages).toBeGreaterThan(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it("refuses range: without sort:top, and a cursor from another range", async () => {
    const parsed = parseSearchQuery("range:1w");
    expect(parsed.ok ? [] : parsed.errors.map((error) => error.code)).toEqual(["range_without_top"]);
    const search = createPostgresSearch(database.db);
    const week = await search.search(top("sort:top range:1w", 5));
    await expect(search.search(top("sort:top range:1y", 5), week.nextCursor)).rejects.toThrow(/cursor/u);
  });
});

async function planOf(input: SearchInput, next: boolean): Promise<PlanNode[]> {
  const cursor = next ? (await createPostgresSearch(database.db).search(input)).nextCursor : null;
  const page = pageQuery(await prepareSearch(database.db, input, cursor, 2));
  return explainNodes(database.db, page.query as SQL);
}

describe(`EXPLAIN of the top list over ${ROWS} wallpapers and a year of daily rows`, () => {
  for (const range of ["1w", "1y"] as const) {
    it(`${range}: walks wallpaper_top_scores_order_idx, first page and next, with no sequential scan`, async () => {
      for (const next of [false, true]) {
        const nodes = await planOf(searchInput.parse({ sort: "top", range, limit: 60 }), next);
        expect(nodes.map((n) => n["Index Name"])).toContain("wallpaper_top_scores_order_idx");
        expect(nodes.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
        expect(nodes.map((n) => n["Relation Name"])).not.toContain("wallpaper_daily_stats");
      }
    });
  }
});
