import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { wallpapers } from "./media.ts";

/**
 * What the detect step found in a wallpaper (packages/vision/src/detect), one row each: the model that
 * looked, how many people and faces, and the auto tags its objects earn by the one rule (tags.ts there;
 * the auto tagger reads `tag_names` as it reads `wallpapers.color_names`).
 */
export const wallpaperDetections = pgTable("wallpaper_detections", {
  wallpaperId: uuid("wallpaper_id")
    .primaryKey()
    .references(() => wallpapers.id, { onDelete: "cascade" }),
  model: text("model").notNull(),
  modelVersion: text("model_version").notNull(),
  peopleCount: smallint("people_count").notNull(),
  faceCount: smallint("face_count").notNull(),
  tagNames: text("tag_names").array().notNull().default(sql`'{}'::text[]`),
  detectedAt: timestamp("detected_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The COCO objects found above the detector's confidence, best first; boxes are normalized to the
 * picture (0..1 from its top-left corner), so they hold for every variant and the original.
 */
export const wallpaperObjects = pgTable(
  "wallpaper_objects",
  {
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpaperDetections.wallpaperId, { onDelete: "cascade" }),
    rank: smallint("rank").notNull(),
    label: text("label").notNull(),
    score: real("score").notNull(),
    x: real("x").notNull(),
    y: real("y").notNull(),
    width: real("width").notNull(),
    height: real("height").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.wallpaperId, t.rank] }),
    index("wallpaper_objects_label_score_idx").on(t.label, t.score.desc()),
  ],
);
