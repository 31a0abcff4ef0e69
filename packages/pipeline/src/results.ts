import { type Executor, variants, wallpaperColors, wallpaperFacts } from "@wallpaperdb/db";
import { eq, sql } from "drizzle-orm";

export interface VariantRow {
  kind: string;
  format: string;
  width: number;
  height: number;
  sizeBytes: number;
  storageKey: string;
  contentHash: string;
}

/** One row per (wallpaper, kind, format): a rerun updates the same rows. */
export async function upsertVariants(tx: Executor, wallpaperId: string, rows: VariantRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(variants)
    .values(rows.map((row) => ({ wallpaperId, ...row })))
    .onConflictDoUpdate({
      target: [variants.wallpaperId, variants.kind, variants.format],
      set: {
        width: sql`excluded.width`,
        height: sql`excluded.height`,
        sizeBytes: sql`excluded.size_bytes`,
        storageKey: sql`excluded.storage_key`,
        contentHash: sql`excluded.content_hash`,
      },
    });
}

export type FactsPatch = Omit<Partial<typeof wallpaperFacts.$inferInsert>, "wallpaperId" | "updatedAt">;

/** Each step writes only its own columns of the shared facts row. */
export async function upsertFacts(tx: Executor, wallpaperId: string, patch: FactsPatch): Promise<void> {
  await tx
    .insert(wallpaperFacts)
    .values({ wallpaperId, ...patch })
    .onConflictDoUpdate({ target: wallpaperFacts.wallpaperId, set: { ...patch, updatedAt: sql`now()` } });
}

export interface PaletteColor {
  hex: string;
  oklab: readonly number[] | { l: number; a: number; b: number };
  fraction: number;
  name: string;
  nameHex: string;
}

function lab(oklab: PaletteColor["oklab"]): { l: number; a: number; b: number } {
  if ("l" in oklab) return oklab;
  const [l = 0, a = 0, b = 0] = oklab;
  return { l, a, b };
}

/** Replaces the palette: delete-then-insert in one transaction, so a shorter rerun leaves no stale ranks. */
export async function replaceColors(
  tx: Executor,
  wallpaperId: string,
  colors: PaletteColor[],
): Promise<void> {
  await tx.delete(wallpaperColors).where(eq(wallpaperColors.wallpaperId, wallpaperId));
  if (colors.length === 0) return;
  await tx.insert(wallpaperColors).values(
    colors.map((color, rank) => ({
      wallpaperId,
      rank,
      hex: color.hex,
      ...lab(color.oklab),
      fraction: color.fraction,
      name: color.name,
      nameHex: color.nameHex,
    })),
  );
}
