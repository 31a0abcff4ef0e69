import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresSearch, pageQuery } from "../src/postgres/postgres-backend.ts";
import { prepareSearch } from "../src/prepare.ts";
import { searchInput } from "../src/query/input.ts";
import { explainNodes, type PlanNode } from "./plans.ts";
import { seedGenerated } from "./seed.ts";

const ROWS = 20_000;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("wpdb_uploader_plans");
  await seedGenerated(database.db, ROWS);
  // 50 accounts; one of them uploaded 1 in 100 wallpapers (200), the rest share the others evenly.
  await database.db.execute(sql`
    insert into users (id, name, username, email)
    select 'gen-user-' || g, 'Gen ' || g, 'gen-' || g, 'gen' || g || '@example.test' from generate_series(1, 50) g`);
  await database.db.execute(sql`
    update wallpapers set uploader_id = case when abs(hashtext(id::text)::bigint) % 100 = 0 then 'gen-user-1'
      else 'gen-user-' || (2 + abs(hashtext(id::text || 'u')::bigint) % 49) end`);
  await database.db.execute(sql`analyze`);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

async function planOf(q: string, cursorFromFirstPage = false): Promise<PlanNode[]> {
  const input = searchInput.parse({ uploader: q, limit: 60 });
  const cursor = cursorFromFirstPage
    ? (await createPostgresSearch(database.db).search(input)).nextCursor
    : null;
  const page = pageQuery(await prepareSearch(database.db, input, cursor, 2));
  return explainNodes(database.db, page.query as SQL);
}

describe(`EXPLAIN of an uploader's page over ${ROWS} wallpapers`, () => {
  it("walks the uploader's own newest-first index, first page and next, with no sequential scan", async () => {
    for (const next of [false, true]) {
      const nodes = await planOf("gen-1", next);
      expect(nodes.map((n) => n["Index Name"])).toContain("wallpapers_uploader_newest_idx");
      expect(
        nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "wallpapers"),
      ).toEqual([]);
    }
  });

  it("finds exactly that account's visible wallpapers, newest first", async () => {
    const search = createPostgresSearch(database.db);
    const page = await search.search(searchInput.parse({ uploader: "gen-1", limit: 100 }));
    const expected = await database.db.execute<{ id: string }>(sql`
      select id::text from wallpapers where uploader_id = 'gen-user-1' and processed_at is not null
        and moderation = 'approved' order by created_at desc, id desc limit 100`);
    expect(page.items.map((item) => item.id)).toEqual(expected.map((row) => row.id));
    expect(page.total).toBe(
      (
        await database.db.execute<{ n: number }>(sql`
        select count(*)::int as n from wallpapers where uploader_id = 'gen-user-1' and processed_at is not null and moderation = 'approved'`)
      )[0]?.n,
    );
  });
});
