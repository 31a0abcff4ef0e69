import type { Caller } from "@wallpaperdb/auth/roles";
import { type Executor, wallpaperColors } from "@wallpaperdb/db";
import { asc, eq } from "drizzle-orm";
import { requireViewableWallpaper, type WallpaperRecord } from "./record.ts";

/** One dominant colour as the colour step stored it: `fraction` is its share of the pixels (0–1). */
export interface PaletteEntry {
  hex: string;
  fraction: number;
}

/** The dominant colours, largest first (the colour step's rank). */
export function loadPalette(db: Executor, wallpaperId: string): Promise<PaletteEntry[]> {
  return db
    .select({ hex: wallpaperColors.hex, fraction: wallpaperColors.fraction })
    .from(wallpaperColors)
    .where(eq(wallpaperColors.wallpaperId, wallpaperId))
    .orderBy(asc(wallpaperColors.rank));
}

export type WallpaperAnswer = WallpaperRecord & { palette: PaletteEntry[] };

/**
 * `wallpaper.byId`: the record a script asks for, with the palette and each colour's fraction (search
 * cards carry only the hex list). not_found for a wallpaper the caller may not see, like the record.
 */
export async function requireWallpaperAnswer(
  db: Executor,
  wallpaperId: string,
  caller: Pick<Caller, "id" | "role"> | null,
): Promise<WallpaperAnswer> {
  const record = await requireViewableWallpaper(db, wallpaperId, caller);
  return { ...record, palette: await loadPalette(db, wallpaperId) };
}
