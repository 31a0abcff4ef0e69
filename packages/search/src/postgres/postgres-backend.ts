import { randomInt } from "node:crypto";
import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";
import type { SearchBackend, SearchPage } from "../backend.ts";
import { encodeCursor } from "../cursor.ts";
import { emptyPage, type PreparedSearch, prepareSearch } from "../prepare.ts";
import { MAX_SEED, type SearchInput, searchInput } from "../query/input.ts";
import { uploaderCondition } from "../uploader.ts";
import type { ViewerScope } from "../viewer-scope.ts";
import { cardFromRow, type PageCardRow, withCards } from "./cards.ts";
import { whereClause } from "./filters.ts";
import { keysetCondition, orderByClause, orderSpec } from "./order.ts";
import { findSimilar } from "./similar.ts";
import { joinTopScores } from "./top.ts";
import { countMatches, totalWithinPage } from "./total.ts";
import { viewerScopeCondition } from "./viewer-scope.ts";

const WITH_FACTS = sql`wallpapers w join wallpaper_facts f on f.wallpaper_id = w.id`;
const WALLPAPERS_ONLY = sql`wallpapers w`;

/** Facts are joined only when a filter or the order reads them: fewer joins, simpler plans. */
function fromClause(prepared: PreparedSearch): SQL {
  const { input } = prepared;
  const needsFacts =
    input.ratios.length > 0 ||
    input.orientation !== undefined ||
    input.minQuality !== undefined ||
    input.sort === "quality" ||
    input.sort === "relevance" ||
    input.sort === "similar";
  const base = needsFacts ? WITH_FACTS : WALLPAPERS_ONLY;
  return input.sort === "top" ? joinTopScores(base, input.range) : base;
}

/** The page query for a prepared search, exported so the EXPLAIN tests check exactly what runs. */
export function pageQuery(prepared: PreparedSearch): {
  query: SQL;
  from: SQL;
  where: SQL;
  keyCount: number;
  descending: boolean;
} {
  const from = fromClause(prepared);
  const spec = orderSpec({ ...prepared, sort: prepared.input.sort });
  const base = [whereClause(prepared.input, prepared.tags, prepared.colors, prepared.now)];
  if (spec.extraWhere) base.push(spec.extraWhere);
  const byUploader = uploaderCondition(prepared.uploaderId);
  if (byUploader) base.push(byUploader);
  const scoped = viewerScopeCondition(prepared);
  if (scoped) base.push(scoped);
  const where = sql.join(base, sql` and `);
  const conditions = prepared.after ? sql`${where} and ${keysetCondition(spec, prepared.after.keys)}` : where;
  // Text forms for the cursor, raw values for withCards' outer ORDER BY.
  const keys = sql.join(
    spec.keys.map((key, i) => sql`(${key})::text as ${sql.raw(`k${i}`)}, ${key} as ${sql.raw(`r${i}`)}`),
    sql`, `,
  );
  const query = sql`select w.id::text as id, ${keys} from ${from} where ${conditions}
    order by ${orderByClause(spec)} limit ${prepared.input.limit + 1}`;
  return { query, from, where, keyCount: spec.keys.length, descending: spec.descending };
}

const KEY_COUNT = 2;

/** PostgreSQL is both the source of truth and the index: `index` and `remove` have nothing to do. */
export function createPostgresSearch(db: Executor): SearchBackend {
  async function search(
    input: SearchInput,
    cursor?: string | null,
    scope?: ViewerScope,
  ): Promise<SearchPage> {
    const prepared = await prepareSearch(db, input, cursor, KEY_COUNT, scope);
    if (prepared.tags.impossible || prepared.purities.length === 0) return emptyPage(prepared);
    const { query, from, where, keyCount, descending } = pageQuery(prepared);
    const [rows, total] = await Promise.all([
      db.execute<PageCardRow>(withCards(query, keyCount, descending)),
      countMatches(db, from, where, { hasColors: prepared.colors.length > 0 }),
    ]);
    const page = rows.slice(0, input.limit);
    const more = rows.length > input.limit;
    const counted = totalWithinPage(total, { firstPage: !prepared.after, shown: page.length, more });
    const last = page.at(-1);
    const seed = input.sort === "random" ? prepared.seed : null;
    return {
      items: page.map(cardFromRow),
      nextCursor:
        more && last ? encodeCursor(prepared.fingerprint, { keys: [last.k0, last.k1], seed }) : null,
      total: counted.total,
      totalIsEstimate: counted.estimate,
      seed,
      unknownTags: prepared.tags.unknown,
    };
  }

  return {
    name: "postgres",
    search,
    similar: (wallpaperId, limit, scope) => findSimilar(db, wallpaperId, limit, scope),
    async random(filters, seed, scope) {
      const input = searchInput.parse({
        ...filters,
        sort: "random",
        seed: seed ?? randomInt(MAX_SEED),
        limit: 1,
      });
      const page = await search(input, null, scope);
      return page.items[0] ?? null;
    },
    async index() {},
    async indexMany() {},
    async remove() {},
    async reindexAll() {
      const [row] = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from wallpapers w where w.processed_at is not null and w.moderation = 'approved'`,
      );
      return row?.n ?? 0;
    },
  };
}
