import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { wallpaperPurity } from "./enums.ts";
import { users } from "./users.ts";

/**
 * An account's settings, one row per account (absent = the defaults), read on every search the
 * account makes (the viewer scope: purities shown and the tag blacklist) and by the gallery for its
 * defaults. The rules and the accepted values live in packages/wallpapers (settings.ts).
 */
export const accountSettings = pgTable(
  "account_settings",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    // Always holds sfw; sketchy and nsfw are opted in to.
    purities: wallpaperPurity("purities").array().notNull().default(sql`'{sfw}'::wallpaper_purity[]`),
    // Canonical tag ids (aliases resolved when saved); a wallpaper carrying one, directly or implied,
    // is hidden from this account's searches, random picks, feeds, similar lists and collections.
    blacklistTagIds: integer("blacklist_tag_ids").array().notNull().default(sql`'{}'::int[]`),
    minWidth: integer("min_width"),
    minHeight: integer("min_height"),
    ratios: text("ratios").array().notNull().default(sql`'{}'::text[]`),
    tileSize: text("tile_size"),
    defaultSort: text("default_sort"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("account_settings_sfw_shown", sql`'sfw' = any(${t.purities})`),
    check("account_settings_min_size", sql`(${t.minWidth} is null) = (${t.minHeight} is null)`),
  ],
);
