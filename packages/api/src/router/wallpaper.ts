import { AppError } from "@wallpaperdb/core/errors";
import { wallpapers } from "@wallpaperdb/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

export const wallpaperRouter = createTRPCRouter({
  /**
   * The facts of one wallpaper. Public: moderation is not enforced yet (the gallery issue adds it);
   * the storage key stays private because originals are never served directly.
   */
  byId: publicProcedure.input(z.object({ wallpaperId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .select({
        id: wallpapers.id,
        sha256: wallpapers.sha256,
        mediaType: wallpapers.mediaType,
        mimeType: wallpapers.mimeType,
        originalFilename: wallpapers.originalFilename,
        sizeBytes: wallpapers.sizeBytes,
        width: wallpapers.width,
        height: wallpapers.height,
        durationMs: wallpapers.durationMs,
        createdAt: wallpapers.createdAt,
      })
      .from(wallpapers)
      .where(eq(wallpapers.id, input.wallpaperId))
      .limit(1);
    if (!row)
      throw new AppError("not_found", "No wallpaper with that id.", { wallpaperId: input.wallpaperId });
    return row;
  }),
});
