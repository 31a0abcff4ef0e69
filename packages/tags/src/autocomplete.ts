import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";
import type { TagCategory } from "./categories.ts";
import { normalizePrefix } from "./normalize.ts";
import { rows } from "./sql-helpers.ts";

export interface AutocompleteHit {
  id: number;
  name: string;
  category: TagCategory;
  wallpaperCount: number;
  /** Set when the prefix matched an alias: the UI shows "alias → name". */
  matchedAlias: string | null;
}

// The largest code point: every string that starts with the prefix sorts below prefix || this, byte-wise.
const MAX_CHAR = String.fromCodePoint(0x10ffff);

/**
 * The query is written as an explicit byte-wise range (`~>=~` / `~<~`, the text_pattern_ops
 * operators) rather than `like $1 || '%'`: a prepared statement's generic plan cannot turn a
 * parameterized LIKE into an index range, but it can use these operators on every keystroke.
 */
export function autocompleteQuery(prefix: string, limit: number): SQL {
  const upper = prefix + MAX_CHAR;
  return sql`(select t.id, t.name, t.category, t.wallpaper_count, null::text as matched_alias
      from tags t
      where t.name ~>=~ ${prefix} and t.name ~<~ ${upper}
      order by t.wallpaper_count desc, t.name limit ${limit})
    union all
    (select t.id, t.name, t.category, t.wallpaper_count, a.name as matched_alias
      from tag_aliases a join tags t on t.id = a.tag_id
      where a.name ~>=~ ${prefix} and a.name ~<~ ${upper}
      order by t.wallpaper_count desc, a.name limit ${limit})`;
}

/** Tags whose name or alias starts with what was typed, most used first; one hit per tag. */
export async function autocompleteTags(
  executor: Executor,
  rawPrefix: string,
  limit = 10,
): Promise<AutocompleteHit[]> {
  const prefix = normalizePrefix(rawPrefix);
  if (prefix.length === 0) return [];
  const capped = Math.max(1, Math.min(limit, 50));
  const found = await rows<{
    id: number;
    name: string;
    category: TagCategory;
    wallpaper_count: number;
    matched_alias: string | null;
  }>(executor, autocompleteQuery(prefix, capped));
  const byTag = new Map<number, AutocompleteHit>();
  for (const row of found) {
    const existing = byTag.get(row.id);
    // A direct name hit wins over an alias hit for the same tag.
    if (existing && existing.matchedAlias === null) continue;
    if (existing && row.matched_alias !== null) continue;
    byTag.set(row.id, {
      id: row.id,
      name: row.name,
      category: row.category,
      wallpaperCount: row.wallpaper_count,
      matchedAlias: row.matched_alias,
    });
  }
  return [...byTag.values()]
    .sort((a, b) => b.wallpaperCount - a.wallpaperCount || a.name.localeCompare(b.name))
    .slice(0, capped);
}
