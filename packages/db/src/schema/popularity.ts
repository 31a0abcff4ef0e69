import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { wallpapers } from "./media.ts";

/**
 * Popularity per wallpaper per UTC day (issue 15): counted views (one per visitor per day, see
 * wallpaper_view_marks) and the favourites gained that day (net: a heart added then removed on the
 * same day gains nothing). Top lists sum these over their range (`wallpaper_top_scores`). Keyed by
 * day first: the refresh reads one range of days for every wallpaper.
 */
export const wallpaperDailyStats = pgTable(
  "wallpaper_daily_stats",
  {
    day: date("day", { mode: "string" }).notNull(),
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    views: integer("views").notNull().default(0),
    favorites: integer("favorites").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.wallpaperId] }),
    // The cascade from a deleted wallpaper finds its rows without scanning every day.
    index("wallpaper_daily_stats_wallpaper_idx").on(t.wallpaperId),
  ],
);

/**
 * Who has already been counted today: one row per (day, visitor, wallpaper) the first time a person is
 * shown it, never one per request. The visitor is a keyed hash (an account id, or the address and
 * browser with a salt that changes daily), so no address is stored. Rows of past days are pruned by
 * the popularity refresh; no foreign key, so counting a view never locks the wallpaper row.
 */
export const wallpaperViewMarks = pgTable(
  "wallpaper_view_marks",
  {
    day: date("day", { mode: "string" }).notNull(),
    visitor: text("visitor").notNull(),
    wallpaperId: uuid("wallpaper_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.visitor, t.wallpaperId] })],
);

/**
 * All-time counters shown on tiles, pages and the API. `favorites` is kept by triggers on `favorites`
 * (migration 0019) in the same transaction as the heart, so it equals count(*) of that table however
 * many hearts change at once (each change is one row-locked increment).
 */
export const wallpaperPopularity = pgTable("wallpaper_popularity", {
  wallpaperId: uuid("wallpaper_id")
    .primaryKey()
    .references(() => wallpapers.id, { onDelete: "cascade" }),
  views: bigint("views", { mode: "number" }).notNull().default(0),
  favorites: integer("favorites").notNull().default(0),
});

/**
 * The top lists: a score per (range, wallpaper) with any activity in the range, recomputed from the
 * daily rows by the popularity refresh (every minute by default). Summing a year of daily rows per
 * request would read millions of rows; walking this index reads one page.
 */
export const wallpaperTopScores = pgTable(
  "wallpaper_top_scores",
  {
    range: text("range").notNull(),
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    score: bigint("score", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.range, t.wallpaperId] }),
    index("wallpaper_top_scores_order_idx").on(t.range, t.score.desc(), t.wallpaperId.desc()),
    index("wallpaper_top_scores_wallpaper_idx").on(t.wallpaperId),
    check("wallpaper_top_scores_range", sql`${t.range} in ('1d', '3d', '1w', '1M', '3M', '6M', '1y')`),
  ],
);
