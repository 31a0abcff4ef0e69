import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { wallpapers } from "./media.ts";
import { users } from "./users.ts";

/**
 * One row per (account, wallpaper) it keeps. The primary key makes a second heart a no-op; the
 * account's newest-first index serves "my favorites" page by page, and the wallpaper's index counts
 * a wallpaper's favorites. Both sides cascade: a deleted account or wallpaper leaves no rows behind.
 */
export const favorites = pgTable(
  "favorites",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.wallpaperId] }),
    index("favorites_user_newest_idx").on(t.userId, t.createdAt.desc(), t.wallpaperId.desc()),
    index("favorites_wallpaper_idx").on(t.wallpaperId),
  ],
);
