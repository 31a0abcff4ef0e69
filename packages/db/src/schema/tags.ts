import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tagCategory, tagSource } from "./enums.ts";
import { wallpapers } from "./media.ts";
import { users } from "./users.ts";

export const tags = pgTable(
  "tags",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    // Canonical, normalized name (lower case, underscores for spaces, NFKC).
    name: text("name").notNull().unique(),
    category: tagCategory("category").notNull().default("general"),
    description: text("description"),
    wallpaperCount: integer("wallpaper_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tags_name_prefix_idx").on(sql`${t.name} text_pattern_ops`)],
);

export const tagAliases = pgTable(
  "tag_aliases",
  {
    // An alias name is never itself a tag name (enforced in the tag rules), so aliases never chain.
    name: text("name").primaryKey(),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Autocomplete matches alias names by prefix on every keystroke.
  (t) => [
    index("tag_aliases_name_prefix_idx").on(sql`${t.name} text_pattern_ops`),
    index("tag_aliases_tag_idx").on(t.tagId),
  ],
);

export const tagImplications = pgTable(
  "tag_implications",
  {
    antecedentId: integer("antecedent_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    consequentId: integer("consequent_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.antecedentId, t.consequentId] }),
    check("tag_implications_not_self", sql`${t.antecedentId} <> ${t.consequentId}`),
    index("tag_implications_consequent_idx").on(t.consequentId),
  ],
);

export const wallpaperTags = pgTable(
  "wallpaper_tags",
  {
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    // Human tags and auto-derived ones are kept apart so curators see which is which.
    source: tagSource("source").notNull().default("human"),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One row per source: a tag can be human and auto at once, and an implied row disappears when its
  // antecedent goes while a human row for the same tag stays. "Has tag" queries use EXISTS/DISTINCT.
  (t) => [
    primaryKey({ columns: [t.wallpaperId, t.tagId, t.source] }),
    index("wallpaper_tags_tag_idx").on(t.tagId, t.wallpaperId),
  ],
);
