import { forgetCachedMedia } from "@wallpaperdb/media-serving/cache";
import {
  assertMayChangeWallpaper,
  deleteWallpaper,
  loadWallpaperView,
  requireWallpaperAnswer,
  wallpaperNotFound,
} from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";

const byWallpaperId = z.object({ wallpaperId: z.uuid() }).strict();

export const wallpaperRouter = createTRPCRouter({
  /**
   * The facts of one wallpaper and its palette with each colour's fraction; the storage key and the
   * uploader's id stay private.
   */
  byId: publicProcedure
    .input(byWallpaperId)
    .query(({ ctx, input }) => requireWallpaperAnswer(ctx.db, input.wallpaperId, ctx.user)),
  /** Everything the detail page shows, for this caller (`mayChange`: offer tagging and deletion). */
  view: publicProcedure.input(byWallpaperId).query(async ({ ctx, input }) => {
    const view = await loadWallpaperView(ctx.db, input.wallpaperId, ctx.user);
    if (!view) throw wallpaperNotFound(input.wallpaperId);
    return view;
  }),
  /**
   * Deletes a wallpaper with its rows and, through the blob-cleanup worker, its files: its uploader may,
   * and curators may delete any. One the caller cannot see is not_found before it is forbidden.
   */
  delete: protectedProcedure.input(byWallpaperId).mutation(async ({ ctx, input }) => {
    await assertMayChangeWallpaper(ctx.db, input.wallpaperId, ctx.user, "delete");
    const deleted = await deleteWallpaper(ctx.db, ctx.user, input.wallpaperId);
    forgetCachedMedia(input.wallpaperId);
    return deleted;
  }),
});
