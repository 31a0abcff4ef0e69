import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { HASH_CHUNKS, hashChunkSql } from "./hash-chunks.ts";
import { wallpapers } from "./media.ts";

/**
 * What processing derived for a wallpaper, one row each. A 1:1 table rather than more columns on
 * `wallpapers`: each step upserts only its own columns, and ingest's row stays untouched by workers.
 */
export const wallpaperFacts = pgTable(
  "wallpaper_facts",
  {
    wallpaperId: uuid("wallpaper_id")
      .primaryKey()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    // variants step
    aspectRatio: real("aspect_ratio"),
    aspectName: text("aspect_name"),
    orientation: text("orientation"),
    megapixels: real("megapixels"),
    resolutionClass: text("resolution_class"),
    thumbhash: text("thumbhash"),
    analysisKey: text("analysis_key"),
    // 64-bit perceptual hash, signed as PostgreSQL stores it; the four 16-bit chunks make
    // near-duplicate search an indexed lookup (multi-index hashing), see near-duplicates.ts.
    phash: bigint("phash", { mode: "bigint" }),
    phash0: integer("phash_0"),
    phash1: integer("phash_1"),
    phash2: integer("phash_2"),
    phash3: integer("phash_3"),
    // poster step (videos)
    durationMs: integer("duration_ms"),
    fps: real("fps"),
    codec: text("codec"),
    posterKey: text("poster_key"),
    previewKey: text("preview_key"),
    // quality step
    qualityScore: real("quality_score"),
    qualityComponents: jsonb("quality_components").$type<Record<string, unknown>>(),
    // color step
    brightness: text("brightness"),
    luminance: real("luminance"),
    monochrome: boolean("monochrome"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("wallpaper_facts_aspect_idx").on(t.aspectName),
    index("wallpaper_facts_resolution_idx").on(t.resolutionClass),
    index("wallpaper_facts_quality_idx").on(t.qualityScore),
    // Gallery search sorted by quality: a keyset over (score, id), both descending.
    index("wallpaper_facts_quality_sort_idx")
      .on(t.qualityScore.desc(), t.wallpaperId.desc())
      .where(sql`${t.qualityScore} is not null`),
    index("wallpaper_facts_orientation_idx").on(t.orientation),
    index("wallpaper_facts_brightness_idx").on(t.brightness, t.monochrome),
    index("wallpaper_facts_phash_0_idx").on(t.phash0),
    index("wallpaper_facts_phash_1_idx").on(t.phash1),
    index("wallpaper_facts_phash_2_idx").on(t.phash2),
    index("wallpaper_facts_phash_3_idx").on(t.phash3),
  ],
);

/** The dominant colors, rank 0 first; indexed for "has named color X covering at least F". */
export const wallpaperColors = pgTable(
  "wallpaper_colors",
  {
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    rank: smallint("rank").notNull(),
    hex: text("hex").notNull(),
    // OKLab: perceptually uniform, so a box around a picked color is a fair "similar color" query.
    l: real("l").notNull(),
    a: real("a").notNull(),
    b: real("b").notNull(),
    fraction: real("fraction").notNull(),
    name: text("name").notNull(),
    nameHex: text("name_hex").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.wallpaperId, t.rank] }),
    index("wallpaper_colors_name_fraction_idx").on(t.name, t.fraction.desc()),
    index("wallpaper_colors_oklab_idx").on(t.a, t.b, t.l),
  ],
);

/**
 * Near-duplicate signature: the pHash of centred crops (100, 95, 90, 85, 80 % of each side) with each
 * crop's coarse colour layout (4x4 OKLab cells), one row per crop. The lookup is multi-index hashing
 * over the three chunks of `hashChunkSql` (migration 0025): each index is keyed by one chunk and
 * carries the hash, so the lookup's candidates are read and popcounted index-only, and only the few
 * matches touch the table. The partial indexes on the whole-picture rows serve the other half of the
 * rule (another wallpaper's crops against this one's whole picture).
 */
export const wallpaperHashes = pgTable(
  "wallpaper_hashes",
  {
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    scale: smallint("scale").notNull(),
    hash: bigint("hash", { mode: "bigint" }).notNull(),
    layout: real("layout").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.wallpaperId, t.scale] }),
    ...HASH_CHUNKS.flatMap((_, i) => [
      index(`wallpaper_hashes_chunk_${i}_hash_idx`).on(hashChunkSql(t.hash, i), t.hash),
      index(`wallpaper_hashes_whole_${i}_hash_idx`)
        .on(hashChunkSql(t.hash, i), t.hash)
        .where(sql`${t.scale} = 100`),
    ]),
  ],
);

/** A wallpaper that looks like an earlier one (small pHash distance), for curators to resolve. */
export const wallpaperNearDuplicates = pgTable(
  "wallpaper_near_duplicates",
  {
    wallpaperId: uuid("wallpaper_id")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    duplicateOf: uuid("duplicate_of")
      .notNull()
      .references(() => wallpapers.id, { onDelete: "cascade" }),
    distance: smallint("distance").notNull(),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }).notNull().defaultNow(),
    resolved: boolean("resolved").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.wallpaperId, t.duplicateOf] }),
    index("wallpaper_near_duplicates_of_idx").on(t.duplicateOf),
    index("wallpaper_near_duplicates_open_idx").on(t.flaggedAt).where(sql`not ${t.resolved}`),
  ],
);
