import { tags } from "@wallpaperdb/db";
import { MAX_PAGE_SIZE } from "@wallpaperdb/search/query";
import { inArray } from "drizzle-orm";
import { listingItems } from "./facts.ts";
import { pageByNumber } from "./paging.ts";
import type { WallhavenCall } from "./request.ts";
import { translateSearchParams, WALLHAVEN_PER_PAGE } from "./search-params.ts";
import { seedText } from "./seed.ts";
import { pageMeta } from "./shapes.ts";

/** `id:<n>` searches the tag with that id by its name; an id that is no tag matches nothing. */
async function tagNames(call: WallhavenCall, ids: readonly number[]): Promise<string[] | null> {
  if (ids.length === 0) return [];
  const rows = await call.ctx.db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(inArray(tags.id, [...ids]));
  return ids.every((id) => rows.some((row) => row.id === id)) ? rows.map((row) => row.name) : null;
}

/** wallhaven's meta.query: the q as sent, or `{ id, tag }` for a search by one tag id. */
function metaQuery(q: string | null, ids: readonly number[], names: readonly string[] | null) {
  const [id] = ids;
  if (id !== undefined && ids.length === 1 && /^id:\d+$/u.test(q?.trim() ?? "")) {
    return { id, tag: names?.[0] ?? null };
  }
  return q === null || q === "" ? null : q;
}

/**
 * GET /api/v1/search: the same `wallpaper.search` the gallery calls, with wallhaven's parameters
 * translated to the query language. wallhaven pages by number and the search by keyset cursor, so page
 * N walks the cursor over the items before it in steps of up to MAX_PAGE_SIZE (cursors do not depend on
 * the page size); the total is the first page's, where it is counted.
 */
export async function wallhavenSearch(call: WallhavenCall, origin: string) {
  const search = translateSearchParams(call.params);
  const names = await tagNames(call, search.tagIds);
  const query = metaQuery(call.params.get("q"), search.tagIds, names);
  if (search.matchesNothing || names === null) {
    return { data: [], meta: pageMeta(search.page, WALLHAVEN_PER_PAGE, 0, { query, seed: search.seed }) };
  }
  const q = [...search.terms, ...names].join(" ");
  const { first, page } = await pageByNumber(
    (limit, cursor) => call.caller.wallpaper.search({ q, limit, cursor }),
    (search.page - 1) * WALLHAVEN_PER_PAGE,
    WALLHAVEN_PER_PAGE,
    MAX_PAGE_SIZE,
  );
  const total = first?.total ?? 0;
  const seed = first?.seed ?? null;
  const chosenSeed = search.random ? (search.seed ?? (seed === null ? null : seedText(seed))) : null;
  return {
    data: await listingItems(call.ctx.db, page?.items ?? [], origin),
    meta: pageMeta(search.page, WALLHAVEN_PER_PAGE, total, { query, seed: chosenSeed }),
  };
}
