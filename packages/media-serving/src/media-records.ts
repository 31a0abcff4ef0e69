import { type Executor, variants } from "@wallpaperdb/db";
import { and, eq } from "drizzle-orm";

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
