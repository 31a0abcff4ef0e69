import { type Executor, variants, wallpaperColors, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { asc, eq, inArray } from "drizzle-orm";
import type { CardVariant, WallpaperCard } from "../backend.ts";

export function mediaUrl(wallpaperId: string, kind: string, format: string, contentHash: string): string {
  return `/media/${wallpaperId}/${kind}.${format}?v=${encodeURIComponent(contentHash)}`;
}

/** Gallery cards for ids, in the order given (ids that vanished meanwhile are dropped). */
export async function loadCards(db: Executor, ids: readonly string[]): Promise<WallpaperCard[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const [rows, colorRows, variantRows] = await Promise.all([
    db
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
      })
      .from(wallpapers)
      .leftJoin(wallpaperFacts, eq(wallpaperFacts.wallpaperId, wallpapers.id))
      .where(inArray(wallpapers.id, list)),
    db
      .select({ wallpaperId: wallpaperColors.wallpaperId, hex: wallpaperColors.hex })
      .from(wallpaperColors)
      .where(inArray(wallpaperColors.wallpaperId, list))
      .orderBy(asc(wallpaperColors.rank)),
    db
      .select({
        wallpaperId: variants.wallpaperId,
        kind: variants.kind,
        format: variants.format,
        width: variants.width,
        height: variants.height,
        contentHash: variants.contentHash,
      })
      .from(variants)
      .where(inArray(variants.wallpaperId, list))
      .orderBy(asc(variants.kind), asc(variants.format)),
  ]);
  const colors = new Map<string, string[]>();
  for (const row of colorRows) colors.set(row.wallpaperId, [...(colors.get(row.wallpaperId) ?? []), row.hex]);
  const cardVariants = new Map<string, CardVariant[]>();
  for (const row of variantRows) {
    if (row.kind !== "thumb" && row.kind !== "preview") continue;
    const variant: CardVariant = {
      kind: row.kind,
      format: row.format,
      width: row.width,
      height: row.height,
      contentHash: row.contentHash,
      url: mediaUrl(row.wallpaperId, row.kind, row.format, row.contentHash),
    };
    cardVariants.set(row.wallpaperId, [...(cardVariants.get(row.wallpaperId) ?? []), variant]);
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [{ ...row, colors: colors.get(id) ?? [], variants: cardVariants.get(id) ?? [] }];
  });
}
