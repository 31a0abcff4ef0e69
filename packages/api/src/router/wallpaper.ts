import { deleteWallpaper } from "@wallpaperdb/admin";
import { AppError } from "@wallpaperdb/core/errors";
import type { Database } from "@wallpaperdb/db";
import { forgetCachedMedia } from "@wallpaperdb/media-serving/cache";
import { loadWallpaperRecord, type WallpaperRecord } from "@wallpaperdb/media-serving/record";
import { z } from "zod";
import type { SessionUser } from "../trpc.ts";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";

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
  /**
   * Deletes a wallpaper with its rows and, through the blob-cleanup worker, its files: its uploader may,
   * and curators may delete any. One the caller cannot see is not_found before it is forbidden.
   */
  delete: protectedProcedure
    .input(z.object({ wallpaperId: z.uuid() }).strict())
    .mutation(async ({ ctx, input }) => {
      const record = await requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user);
      if (!(ctx.user.role === "curator" || ctx.user.role === "admin" || record.own)) {
        throw new AppError("forbidden", "Only its uploader or a curator can delete this wallpaper.", {
          reason: "not_owner",
          wallpaperId: input.wallpaperId,
        });
      }
      const deleted = await deleteWallpaper(ctx.db, { id: ctx.user.id }, input.wallpaperId);
      forgetCachedMedia(input.wallpaperId);
      return deleted;
    }),
});
