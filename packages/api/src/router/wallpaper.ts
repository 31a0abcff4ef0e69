import { AppError } from "@wallpaperdb/core/errors";
import type { Database } from "@wallpaperdb/db";
import { loadWallpaperRecord, type WallpaperRecord } from "@wallpaperdb/media-serving/record";
import { z } from "zod";
import type { SessionUser } from "../trpc.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

/**
 * The wallpaper as `user` may see it, or not_found: held and rejected wallpapers exist only for their
 * uploader and curators (`canViewWallpaper`, the rule the detail page uses too).
 */
export async function requireViewableWallpaper(
  db: Database,
  wallpaperId: string,
  user: SessionUser | null,
): Promise<WallpaperRecord> {
  const record = await loadWallpaperRecord(db, wallpaperId, user);
  if (!record)
    throw new AppError("not_found", "No wallpaper with that id.", {
      reason: "wallpaper_not_found",
      wallpaperId,
    });
  return record;
}

export const wallpaperRouter = createTRPCRouter({
  /** The facts of one wallpaper; the storage key and the uploader's id stay private. */
  byId: publicProcedure
    .input(z.object({ wallpaperId: z.uuid() }).strict())
    .query(({ ctx, input }) => requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user)),
});
