import type { TestDatabase } from "@wallpaperdb/db/testing";
import { didYouMeanName, didYouMeanQuery, relatedTags, relatedTagsQuery } from "@wallpaperdb/tags";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type ApiDeps, createCaller, createTRPCContext } from "../src/index.ts";
import type { Case } from "./search.ts";

const dialect = new PgDialect();
const compile = (query: Parameters<PgDialect["sqlToQuery"]>[0]) => {
  const compiled = dialect.sqlToQuery(query);
  return { text: compiled.sql, params: compiled.params };
};

// Misspellings of head tags, of long-tail tags and of aliases, and one that matches nothing.
const MISSPELT = [
  "mountian",
  "forrest",
  "cyberpnk",
  "anime_1O",
  "sunst",
  "nigth_city",
  "abstrct_neon",
  "landscpe",
  "alias_natre_10",
  "citty",
  "xyzzy",
  "dark_spcae_2044",
];

/**
 * The tag pages' queries (issue #17) on the bench's 20k-tag vocabulary: related tags of tags from the
 * most used (~13 % of wallpapers) down to the long tail, "did you mean" for misspellings, and a whole
 * tag page through tRPC (loader + related tags + the newest and top strips, two gallery searches).
 */
export async function tagPageCases(database: TestDatabase, deps: ApiDeps): Promise<Case[]> {
  const caller = createCaller(await createTRPCContext({ headers: new Headers(), deps }));
  const ranked = await database.db.execute<{ id: number; name: string }>(
    sql`select id, name from (select id, name, row_number() over (order by wallpaper_count desc, id) as r from tags) t
      where r in (1, 2, 5, 20, 100, 500, 1500, 5000, 12000, 19000) order by r`,
  );
  const pick = (i: number) => ranked[i % ranked.length] ?? { id: 1, name: "anime" };
  return [
    {
      name: "related tags (domain call)",
      kind: "tags",
      trpc: (i) => relatedTags(database.db, pick(i).id),
      raw: async (i) => compile(relatedTagsQuery(pick(i).id, 20)),
    },
    {
      name: "did you mean",
      kind: "tags",
      trpc: (i) => caller.tagPage.didYouMean({ names: [MISSPELT[i % MISSPELT.length] ?? ""], limit: 5 }),
      raw: async (i) => compile(didYouMeanQuery(didYouMeanName(MISSPELT[i % MISSPELT.length] ?? ""))),
    },
    {
      name: "tag page (loader + related + 2 strips)",
      kind: "gallery",
      trpc: (i) => caller.tagPage.byName({ name: pick(i).name }),
      raw: async (i) => compile(relatedTagsQuery(pick(i).id, 20)),
    },
  ];
}
