import { type Database, variants, wallpaperColors, wallpaperFacts } from "@wallpaperdb/db";
import { getWallpaperTags, type WallpaperTag } from "@wallpaperdb/tags";
import { asc, eq } from "drizzle-orm";
import { variantUrl } from "./media-path.ts";
import { loadWallpaperRecord, type Viewer, type WallpaperRecord } from "./wallpaper-record.ts";

export interface ViewVariant {
  kind: string;
  format: string;
  width: number;
  height: number;
  url: string;
}

export type { Viewer } from "./wallpaper-record.ts";

export interface WallpaperView extends WallpaperRecord {
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
 * Everything the detail page shows, in one round of queries, or null when the wallpaper does not exist
 * or `viewer` may not see it (the same rule as `wallpaper.byId`: `canViewWallpaper`). `visible` false
 * means only its uploader or a curator is looking (or it is still processing); the media routes serve
 * a held or rejected one to them, uncached (media-access.ts).
 */
export async function loadWallpaperView(
  db: Database,
  id: string,
  viewer: Viewer | null,
): Promise<WallpaperView | null> {
  const record = await loadWallpaperRecord(db, id, viewer);
  if (!record) return null;
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
  return {
    ...record,
    facts: factRows[0] ?? null,
    palette,
    tags,
    variants: variantRows.map(({ contentHash, ...variant }) => ({
      ...variant,
      url: variantUrl(id, variant.kind, variant.format, contentHash),
    })),
  };
}
