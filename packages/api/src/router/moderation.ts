import { moderationStatus } from "@wallpaperdb/db";
import { forgetCachedMedia } from "@wallpaperdb/media-serving/cache";
import { moderateWallpapers, moderationQueue, resolveDuplicate } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, curatorProcedure } from "../trpc.ts";
import { offsetPage as page, wallpaperIdList as wallpaperIds } from "./inputs.ts";

/** The moderation queue and its decisions (curators). */
export const moderationRouter = createTRPCRouter({
  queue: curatorProcedure
    .input(
      z
        .object({
          status: z.enum(moderationStatus.enumValues).default("pending"),
          ...page,
          // The near-duplicate flags page separately from the wallpapers (oldest flag first).
          duplicatesLimit: z.number().int().min(1).max(200).default(100),
          duplicatesOffset: z.number().int().min(0).max(100_000).default(0),
        })
        .strict(),
    )
    .query(({ ctx, input }) => moderationQueue(ctx.db, input)),

  approve: curatorProcedure
    .input(z.object({ wallpaperIds }).strict())
    .mutation(({ ctx, input }) => moderateWallpapers(ctx.db, { ...input, decision: "approved" }, ctx.user)),

  /** Rejected wallpapers leave the gallery and search at once: both only show approved ones. */
  reject: curatorProcedure
    .input(z.object({ wallpaperIds, reason: z.string().trim().min(1).max(500) }).strict())
    .mutation(async ({ ctx, input }) => {
      const result = await moderateWallpapers(ctx.db, { ...input, decision: "rejected" }, ctx.user);
      // This process's media cache answers for a second without asking the database: not any more.
      for (const id of input.wallpaperIds) forgetCachedMedia(id);
      return result;
    }),

  resolveDuplicate: curatorProcedure
    .input(
      z.object({ wallpaperId: z.uuid(), duplicateOf: z.uuid(), action: z.enum(["keep", "reject"]) }).strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await resolveDuplicate(ctx.db, input, ctx.user);
      if (input.action === "reject") forgetCachedMedia(input.wallpaperId);
      return result;
    }),
});
