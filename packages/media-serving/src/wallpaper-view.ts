import { type Database, variants, wallpaperColors, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { getWallpaperTags, type WallpaperTag } from "@wallpaperdb/tags";
import { asc, eq } from "drizzle-orm";
import { variantUrl } from "./media-path.ts";

export interface ViewVariant {
  kind: string;
  format: string;
  width: number;
  height: number;
  url: string;
}

export interface WallpaperView {
  id: string;
  mediaType: "image" | "video";
  mimeType: string;
  originalFilename: string | null;
  sizeBytes: number;
  width: number;
  height: number;
  durationMs: number | null;
  createdAt: Date;
  /** false while processing runs, or when moderation hides it: media routes answer 404 then. */
  visible: boolean;
  processed: boolean;
  facts: {
    aspectName: string | null;
    orientation: string | null;
    megapixels: number | null;
    resolutionClass: string | null;
    thumbhash: string | null;
    qualityScore: number | null;
    qualityComponents: Record<string, unknown> | null;
    brightness: string | null;
    monochrome: boolean | null;
    fps: number | null;
    codec: string | null;
  } | null;
  palette: { hex: string; name: string; fraction: number }[];
  tags: WallpaperTag[];
  variants: ViewVariant[];
}

/**
 * Everything the detail page shows, in one round of queries. Not hidden by moderation here: the page
 * decides (an uploader follows the link from the upload page before processing ends).
 */
export async function loadWallpaperView(db: Database, id: string): Promise<WallpaperView | null> {
  const [row] = await db
    .select({
      id: wallpapers.id,
      mediaType: wallpapers.mediaType,
      mimeType: wallpapers.mimeType,
      originalFilename: wallpapers.originalFilename,
      sizeBytes: wallpapers.sizeBytes,
      width: wallpapers.width,
      height: wallpapers.height,
      durationMs: wallpapers.durationMs,
      createdAt: wallpapers.createdAt,
      processedAt: wallpapers.processedAt,
      moderation: wallpapers.moderation,
    })
    .from(wallpapers)
    .where(eq(wallpapers.id, id))
    .limit(1);
  if (!row) return null;
  const [factRows, palette, tags, variantRows] = await Promise.all([
    db
      .select({
        aspectName: wallpaperFacts.aspectName,
        orientation: wallpaperFacts.orientation,
        megapixels: wallpaperFacts.megapixels,
        resolutionClass: wallpaperFacts.resolutionClass,
        thumbhash: wallpaperFacts.thumbhash,
        qualityScore: wallpaperFacts.qualityScore,
        qualityComponents: wallpaperFacts.qualityComponents,
        brightness: wallpaperFacts.brightness,
        monochrome: wallpaperFacts.monochrome,
        fps: wallpaperFacts.fps,
        codec: wallpaperFacts.codec,
      })
      .from(wallpaperFacts)
      .where(eq(wallpaperFacts.wallpaperId, id)),
    db
      .select({ hex: wallpaperColors.hex, name: wallpaperColors.name, fraction: wallpaperColors.fraction })
      .from(wallpaperColors)
      .where(eq(wallpaperColors.wallpaperId, id))
      .orderBy(asc(wallpaperColors.rank)),
    getWallpaperTags(db, id),
    db
      .select({
        kind: variants.kind,
        format: variants.format,
        width: variants.width,
        height: variants.height,
        contentHash: variants.contentHash,
      })
      .from(variants)
      .where(eq(variants.wallpaperId, id)),
  ]);
  const { processedAt, moderation, ...rest } = row;
  return {
    ...rest,
    processed: processedAt !== null,
    visible: processedAt !== null && moderation === "approved",
    facts: factRows[0] ?? null,
    palette,
    tags,
    variants: variantRows.map(({ contentHash, ...variant }) => ({
      ...variant,
      url: variantUrl(id, variant.kind, variant.format, contentHash),
    })),
  };
}
