import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { wallpapers } from "./media.ts";
import { users } from "./users.ts";

/**
 * A named, ordered list of wallpapers an account keeps (wallhaven's collections, Danbooru's favorite
 * groups); private until its owner makes it public. The owner's index serves "my collections" (most
 * recently changed first); the partial one an account's public collections. A deleted account takes
 * its collections along.
 */
export const collections = pgTable(
  "collections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    isPublic: boolean("is_public").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("collections_owner_recent_idx").on(t.ownerId, t.updatedAt.desc()),
    index("collections_owner_public_idx").on(t.ownerId, t.updatedAt.desc()).where(sql`${t.isPublic}`),
    check("collections_name_length", sql`char_length(${t.name}) between 1 and 100`),
    check("collections_description_length", sql`char_length(${t.description}) <= 2000`),
  ],
);

/**
 * One row per wallpaper in a collection. `position` orders the collection (ascending): gapped
 * integers (see `packages/wallpapers/src/collection-order.ts`), so a move writes one row and only a
 * spot whose gap has run out renumbers the collection. The (collection, position, wallpaper) index
 * walks one collection in order page by page; (collection, added_at) serves its newest additions (the
 * feed). Both sides cascade.
 */
export const collectionItems = pgTable(
  "collection_items",
  {
    collectionId: uuid("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    position: bigint("position", { mode: "number" }).notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.wallpaperId] }),
    index("collection_items_order_idx").on(t.collectionId, t.position, t.wallpaperId),
    index("collection_items_newest_idx").on(t.collectionId, t.addedAt.desc(), t.wallpaperId.desc()),
    index("collection_items_wallpaper_idx").on(t.wallpaperId),
  ],
);
