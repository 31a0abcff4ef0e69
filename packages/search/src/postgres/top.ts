import { type SQL, sql } from "drizzle-orm";
import { effectiveTopRange, type TopRange } from "../query/top-range.ts";

/**
 * The top list in PostgreSQL: the popularity refresh keeps one score per (range, wallpaper) with any
 * activity in the range (wallpaper_top_scores, ../top-scores.ts), so a page is a walk
 * of `wallpaper_top_scores_order_idx` for one range, best first, each row probing its wallpaper for
 * the filters. Wallpapers with no views or favourites in the range are not on the list (wallhaven's
 * toplist shows the popular ones, not everything with a zero).
 */
export function joinTopScores(from: SQL, range: TopRange | undefined): SQL {
  return sql`${from} join wallpaper_top_scores t on t.wallpaper_id = w.id and t.range = ${effectiveTopRange(range)}`;
}

/** The keyset: (score, id) descending on the index's own columns, so paging never skips or repeats. */
export const topOrder = {
  keys: [sql`t.score`, sql`t.wallpaper_id`],
  casts: ["bigint", "uuid"],
  descending: true,
  extraWhere: null,
};
