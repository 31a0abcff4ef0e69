import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";
import type { TagCategory } from "./categories.ts";
import { normalizePrefix } from "./normalize.ts";
import { rows } from "./sql-helpers.ts";

export interface DidYouMeanHit {
  id: number;
  name: string;
  category: TagCategory;
  wallpaperCount: number;
  /** Set when the alias was the close name: the UI shows "alias → name". */
  matchedAlias: string | null;
  /** pg_trgm similarity of the closest name (0–1). */
  similarity: number;
}

/**
 * How many candidates each side (names, aliases) brings before one hit per tag is kept. Each side is read
 * nearest first (`<->` is 1 − similarity) from a GiST trigram index, which stops after these; the
 * tie-break by use among equally close names is made below, within them.
 */
const CANDIDATES = 20;
export const MAX_DID_YOU_MEAN = 10;

/** The candidates of both sides for a normalized name; exported for `pnpm bench:search` and its EXPLAIN test. */
export function didYouMeanQuery(name: string): SQL {
  return sql`(select t.id, t.name, t.category, t.wallpaper_count, null::text as matched_alias,
        similarity(t.name, ${name})::float8 as similarity
      from tags t where t.name % ${name} and t.name <> ${name}
      order by t.name <-> ${name} limit ${CANDIDATES})
    union all
    (select t.id, t.name, t.category, t.wallpaper_count, a.name as matched_alias,
        similarity(a.name, ${name})::float8 as similarity
      from tag_aliases a join tags t on t.id = a.tag_id where a.name % ${name} and a.name <> ${name}
      order by a.name <-> ${name} limit ${CANDIDATES})`;
}

/** What `didYouMean` looks for: the name in canonical form without search prefixes; empty when too short. */
export function didYouMeanName(rawName: string): string {
  const name = normalizePrefix(rawName).replace(/^[-~]+|_+$/gu, "");
  return name.length < 2 ? "" : name;
}

/**
 * "Did you mean": tags whose name or alias is close to an unknown name by trigram similarity (pg_trgm,
 * `%` above its similarity threshold of 0.3, read nearest first from the GiST trigram indexes of migration 0025),
 * most similar first and, among equally similar ones, the most used. The one home for the query bar's
 * suggestion, the autocomplete's empty state and the suggestions in "unknown tag" API errors.
 */
export async function didYouMean(executor: Executor, rawName: string, limit = 5): Promise<DidYouMeanHit[]> {
  const name = didYouMeanName(rawName);
  if (name === "") return [];
  const found = await rows<{
    id: number;
    name: string;
    category: TagCategory;
    wallpaper_count: number;
    matched_alias: string | null;
    similarity: number;
  }>(executor, didYouMeanQuery(name));
  const byTag = new Map<number, DidYouMeanHit>();
  for (const row of found) {
    const existing = byTag.get(row.id);
    // One hit per tag: its closest name, the tag's own name when an alias is no closer.
    if (
      existing &&
      (existing.similarity > row.similarity ||
        (existing.similarity === row.similarity && row.matched_alias !== null))
    )
      continue;
    byTag.set(row.id, {
      id: row.id,
      name: row.name,
      category: row.category,
      wallpaperCount: row.wallpaper_count,
      matchedAlias: row.matched_alias,
      similarity: Math.round(row.similarity * 1000) / 1000,
    });
  }
  return [...byTag.values()]
    .sort(
      (a, b) =>
        b.similarity - a.similarity || b.wallpaperCount - a.wallpaperCount || a.name.localeCompare(b.name),
    )
    .slice(0, Math.max(1, Math.min(limit, MAX_DID_YOU_MEAN)));
}

/** Suggestions for several unknown names at once (the query bar may hold a few), in their order. */
export async function didYouMeanAll(
  executor: Executor,
  names: readonly string[],
  limit = 3,
): Promise<{ name: string; suggestions: DidYouMeanHit[] }[]> {
  const out: { name: string; suggestions: DidYouMeanHit[] }[] = [];
  for (const name of [...new Set(names)])
    out.push({ name, suggestions: await didYouMean(executor, name, limit) });
  return out;
}
