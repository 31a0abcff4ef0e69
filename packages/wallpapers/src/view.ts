import type { Caller } from "@wallpaperdb/auth/roles";
import { type Database, users, variants, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { getWallpaperTags, type WallpaperTag } from "@wallpaperdb/tags";
import { and, eq, isNull } from "drizzle-orm";
import { variantUrl } from "./media-url.ts";
import { loadPalette, type PaletteEntry } from "./palette.ts";
import { loadWallpaperRecord, type WallpaperRecord } from "./record.ts";

export interface ViewVariant {
  kind: string;
  format: string;
  width: number;
  height: number;
  url: string;
}

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
  /** The dominant colours, largest first. */
  palette: PaletteEntry[];
  /**
   * The named colours the wallpaper has, as the colour step stored them by the one colour rule: the same
   * list its auto colour tags and the swatch search use, in the named palette's order.
   */
  colorNames: string[];
  tags: WallpaperTag[];
  variants: ViewVariant[];
  /** Who uploaded it, for the link to their page; null once the account is gone (anonymised) or disabled. */
  uploader: { username: string; name: string } | null;
}

/**
 * Everything the detail page shows, in one round of queries, or null when the wallpaper does not exist
 * or `caller` may not see it (the same rule as `wallpaper.byId`: `mayViewWallpaper`). `visible` false
 * means only its uploader or a curator is looking (or it is still processing); the media routes serve
 * a held or rejected one to them, uncached. `mayChange` says whether to offer tagging and deletion.
 */
export async function loadWallpaperView(
  db: Database,
  id: string,
  caller: Pick<Caller, "id" | "role"> | null,
): Promise<WallpaperView | null> {
  const record = await loadWallpaperRecord(db, id, caller);
  if (!record) return null;
  const [factRows, palette, tags, variantRows, nameRows] = await Promise.all([
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
    loadPalette(db, id),
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
    db
      .select({ colorNames: wallpapers.colorNames, username: users.username, name: users.name })
      .from(wallpapers)
      .leftJoin(users, and(eq(users.id, wallpapers.uploaderId), isNull(users.disabledAt)))
      .where(eq(wallpapers.id, id)),
  ]);
  return {
    ...record,
    facts: factRows[0] ?? null,
    palette,
    colorNames: nameRows[0]?.colorNames ?? [],
    uploader:
      nameRows[0]?.username && nameRows[0].name !== null
        ? { username: nameRows[0].username, name: nameRows[0].name }
        : null,
    tags,
    variants: variantRows.map(({ contentHash, ...variant }) => ({
      ...variant,
      url: variantUrl(id, variant.kind, variant.format, contentHash),
    })),
  };
}
