import { type Executor, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { eq, inArray, sql } from "drizzle-orm";
import type { CardVariant, WallpaperCard } from "../backend.ts";

export function mediaUrl(wallpaperId: string, kind: string, format: string, contentHash: string): string {
  return `/media/${wallpaperId}/${kind}.${format}?v=${encodeURIComponent(contentHash)}`;
}

type VariantRow = Omit<CardVariant, "url">;

/**
 * Gallery cards for ids, in the order given (ids that vanished meanwhile are dropped). One statement:
 * palette and variants are aggregated per row, because every gallery page pays for each round trip.
 */
export async function loadCards(db: Executor, ids: readonly string[]): Promise<WallpaperCard[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const rows = await db
    .select({
      id: wallpapers.id,
      mediaType: wallpapers.mediaType,
      width: wallpapers.width,
      height: wallpapers.height,
      createdAt: wallpapers.createdAt,
      aspectName: wallpaperFacts.aspectName,
      orientation: wallpaperFacts.orientation,
      qualityScore: wallpaperFacts.qualityScore,
      thumbhash: wallpaperFacts.thumbhash,
      colors: sql<string[]>`(select coalesce(json_agg(c.hex order by c.rank), '[]'::json)
        from wallpaper_colors c where c.wallpaper_id = ${wallpapers.id})`,
      variants: sql<
        VariantRow[]
      >`(select coalesce(json_agg(json_build_object('kind', v.kind, 'format', v.format,
          'width', v.width, 'height', v.height, 'contentHash', v.content_hash) order by v.kind, v.format), '[]'::json)
        from variants v where v.wallpaper_id = ${wallpapers.id} and v.kind in ('thumb', 'preview'))`,
    })
    .from(wallpapers)
    .leftJoin(wallpaperFacts, eq(wallpaperFacts.wallpaperId, wallpapers.id))
    .where(inArray(wallpapers.id, list));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const variants = row.variants.map((variant) => ({
      ...variant,
      url: mediaUrl(id, variant.kind, variant.format, variant.contentHash),
    }));
    return [{ ...row, variants }];
  });
}
