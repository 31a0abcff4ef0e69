import { purities } from "@wallpaperdb/db/purity";
import { setWallpaperPurity } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { protectedProcedure } from "../trpc.ts";

/** Merged into the `wallpaper` router (root.ts): `wallpaper.setPurity`. */
export const wallpaperPurityProcedures = {
  /**
   * Its uploader or a curator sets a wallpaper's purity (audited). One the caller cannot see is
   * not_found before it is forbidden.
   */
  setPurity: protectedProcedure
    .input(z.object({ wallpaperId: z.uuid(), purity: z.enum(purities) }).strict())
    .mutation(({ ctx, input }) => setWallpaperPurity(ctx.db, ctx.user, input.wallpaperId, input.purity)),
};
