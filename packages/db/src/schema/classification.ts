import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, real, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { wallpaperPurity } from "./enums.ts";
import { wallpapers } from "./media.ts";

/**
 * What the classify step learned from a wallpaper's small analysis picture (packages/vision): the
 * nsfwjs class scores (0–1, summing to 1), the purity they suggest, and a content embedding for
 * "more like this". One row per wallpaper, replaced whole by each run of the step.
 */
export const wallpaperClassifications = pgTable(
  "wallpaper_classifications",
  {
    wallpaperId: uuid("wallpaper_id")
      .primaryKey()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    // e.g. `nsfwjs@4.4.0/MobileNetV2`: a new model or version is found (and re-run) by this.
    model: text("model").notNull(),
    drawing: real("drawing").notNull(),
    hentai: real("hentai").notNull(),
    neutral: real("neutral").notNull(),
    porn: real("porn").notNull(),
    sexy: real("sexy").notNull(),
    // What the thresholds (vision purity-suggestion.ts) make of the scores; applied to the wallpaper
    // only where nobody chose its purity (wallpapers.purity_source).
    suggestedPurity: wallpaperPurity("suggested_purity").notNull(),
    // Unit-length content embedding (vision embedding.ts: 64 dimensions) and its sign bits as one
    // 64-bit hash: `similar` ranks every row by the hash's Hamming distance (a cheap scan) and re-ranks
    // the closest exactly by the embedding (measured against `cube`: docs/performance.md).
    embedding: real("embedding").array().notNull(),
    embeddingSign: bigint("embedding_sign", { mode: "bigint" }).notNull(),
    embeddingVersion: smallint("embedding_version").notNull(),
    classifiedAt: timestamp("classified_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The moderation queue and curators look for what the model thinks is not sfw.
    index("wallpaper_classifications_suggested_idx")
      .on(t.suggestedPurity)
      .where(sql`${t.suggestedPurity} <> 'sfw'`),
    check("wallpaper_classifications_embedding_size", sql`cardinality(${t.embedding}) = 64`),
  ],
);
