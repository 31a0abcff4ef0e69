import { type Database, type Executor, variants, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { and, eq, isNotNull } from "drizzle-orm";

export interface VisibleWallpaper {
  id: string;
  mediaType: "image" | "video";
  mimeType: string;
  originalKey: string;
  originalFilename: string | null;
  sha256: string;
  width: number;
  height: number;
  posterKey: string | null;
}

export interface VariantRecord {
  kind: string;
  format: string;
  width: number;
  height: number;
  storageKey: string;
  contentHash: string;
  sizeBytes: number;
}

/** Only processed, moderation-approved wallpapers are public; anything else is indistinguishable from absent. */
export async function loadVisibleWallpaper(db: Database, id: string): Promise<VisibleWallpaper | null> {
  const [row] = await db
    .select({
      id: wallpapers.id,
      mediaType: wallpapers.mediaType,
      mimeType: wallpapers.mimeType,
      originalKey: wallpapers.originalKey,
      originalFilename: wallpapers.originalFilename,
      sha256: wallpapers.sha256,
      width: wallpapers.width,
      height: wallpapers.height,
      posterKey: wallpaperFacts.posterKey,
    })
    .from(wallpapers)
    .leftJoin(wallpaperFacts, eq(wallpaperFacts.wallpaperId, wallpapers.id))
    .where(
      and(eq(wallpapers.id, id), isNotNull(wallpapers.processedAt), eq(wallpapers.moderation, "approved")),
    )
    .limit(1);
  return row ?? null;
}

export async function loadVariants(
  db: Executor,
  wallpaperId: string,
  kind: string,
): Promise<VariantRecord[]> {
  return db
    .select({
      kind: variants.kind,
      format: variants.format,
      width: variants.width,
      height: variants.height,
      storageKey: variants.storageKey,
      contentHash: variants.contentHash,
      sizeBytes: variants.sizeBytes,
    })
    .from(variants)
    .where(and(eq(variants.wallpaperId, wallpaperId), eq(variants.kind, kind)));
}

export async function insertVariant(
  db: Executor,
  wallpaperId: string,
  variant: VariantRecord,
): Promise<void> {
  await db
    .insert(variants)
    .values({ wallpaperId, ...variant })
    .onConflictDoNothing({ target: [variants.wallpaperId, variants.kind, variants.format] });
}
