import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageQuery } from "../src/postgres/postgres-backend.ts";
import { prepareSearch } from "../src/prepare.ts";
import { type SearchInputDraft, searchInput } from "../src/query/input.ts";
import type { ViewerScope } from "../src/viewer-scope.ts";
import { explainNodes, type PlanNode } from "./plans.ts";
import { seedGenerated } from "./seed.ts";

const ROWS = 20_000;

let database: TestDatabase;
let blacklist: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase("wpdb_scope_plans");
  await seedGenerated(database.db, ROWS);
  // A real gallery's spread: ~8 % sketchy, ~3 % nsfw.
  await database.db.execute(sql`update wallpapers set purity = case
    when abs(hashtext(id::text || 'p')::bigint) % 100 < 3 then 'nsfw' when abs(hashtext(id::text || 'p')::bigint) % 100 < 11 then 'sketchy'
    else 'sfw' end::wallpaper_purity`);
  await database.db.execute(sql`analyze`);
  // 20 of the 200 generated tags (each on ~1 % of wallpapers): ~18 % of the gallery is blacklisted.
  const rows = await database.db.execute<{ id: number }>(
    sql`select id from tags where name like 'gen_%' order by id limit 20`,
  );
  blacklist = rows.map((row) => row.id);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

async function plan(draft: SearchInputDraft, scope: ViewerScope): Promise<PlanNode[]> {
  const prepared = await prepareSearch(
    database.db,
    searchInput.parse({ limit: 60, ...draft }),
    null,
    2,
    scope,
  );
  return explainNodes(database.db, pageQuery(prepared).query as SQL);
}

const shape = (nodes: PlanNode[]) =>
  JSON.stringify(nodes.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]]));

describe(`EXPLAIN of the viewer scope over ${ROWS} wallpapers`, () => {
  it("a blacklist of 20 tags (signed in, all purities): an index-only newest-first walk, tested from the index", async () => {
    const nodes = await plan({}, { purities: ["sfw", "sketchy", "nsfw"], blacklist });
    expect(
      nodes.some((n) => n["Node Type"] === "Seq Scan"),
      shape(nodes),
    ).toBe(false);
    expect(
      nodes.some(
        (n) => n["Node Type"] === "Index Only Scan" && n["Index Name"] === "wallpapers_visible_newest_idx",
      ),
      shape(nodes),
    ).toBe(true);
  });

  it("a visitor (sfw only) with a tag: purity and tags tested on the newest-first index or the tag GIN", async () => {
    const nodes = await plan({ tags: { all: ["gen_150"] } }, { purities: ["sfw"], blacklist });
    expect(
      nodes.some((n) => n["Node Type"] === "Seq Scan"),
      shape(nodes),
    ).toBe(false);
    const used = nodes.map((n) => n["Index Name"]).filter(Boolean);
    expect(
      used.some(
        (name) => name === "wallpapers_visible_newest_idx" || name === "wallpapers_visible_tag_ids_idx",
      ),
      shape(nodes),
    ).toBe(true);
  });

  it("purity:nsfw alone (3 %): still the index-only newest-first walk, a page within a few thousand entries", async () => {
    const nodes = await plan({ purity: ["nsfw"] }, { purities: ["sfw", "sketchy", "nsfw"], blacklist: [] });
    expect(
      nodes.some((n) => n["Node Type"] === "Seq Scan"),
      shape(nodes),
    ).toBe(false);
    expect(
      nodes.some((n) => n["Index Name"] === "wallpapers_visible_newest_idx"),
      shape(nodes),
    ).toBe(true);
  });
});
