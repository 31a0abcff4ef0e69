import { purities } from "@wallpaperdb/db/purity";
import { type SQL, sql } from "drizzle-orm";
import type { PreparedSearch } from "../prepare.ts";
import type { ViewerScope } from "../viewer-scope.ts";

const intArray = (ids: readonly number[]) => `{${ids.join(",")}}`;

/**
 * The one PostgreSQL condition for what a viewer may see of the visible wallpapers: the shown purities
 * (`prepared.purities`: the query's `purity:` within the viewer's) and the tag blacklist. Both read the
 * wallpaper row only: `tag_ids` already holds implied tags (migration 0009) and the blacklist holds
 * canonical ids (aliases resolved when saved), so an alias or an implication of a blacklisted tag is
 * hidden too. The newest-first index carries `tag_ids` and `purity`, so the gallery's walk tests both
 * without touching the heap (EXPLAIN tests in test/viewer-scope-plans.int.test.ts).
 */
export function viewerScopeCondition(prepared: Pick<PreparedSearch, "purities" | "scope">): SQL | null {
  return scopeCondition(prepared.purities, prepared.scope.blacklist);
}

/**
 * The same, for lists that take no query (similar wallpapers, a collection's page); `table` is how the
 * statement names the wallpapers table (`w` in search's SQL, `wallpapers` in drizzle's query builder).
 */
export function scopeOnlyCondition(scope: ViewerScope, table = "w"): SQL | null {
  return scopeCondition(scope.purities, scope.blacklist, table);
}

function scopeCondition(shown: readonly string[], blacklist: readonly number[], table = "w"): SQL | null {
  const w = sql.raw(`"${table}"`);
  const parts: SQL[] = [];
  if (shown.length === 0) parts.push(sql`false`);
  else if (shown.length === 1) parts.push(sql`${w}.purity = ${shown[0]}::wallpaper_purity`);
  else if (shown.length < purities.length)
    parts.push(sql`${w}.purity = any(${`{${shown.join(",")}}`}::wallpaper_purity[])`);
  // One array parameter: the blacklist can be long, and one bind keeps the statement cheap to plan.
  if (blacklist.length > 0) parts.push(sql`not (${w}.tag_ids && ${intArray(blacklist)}::int[])`);
  return parts.length === 0 ? null : sql.join(parts, sql` and `);
}
