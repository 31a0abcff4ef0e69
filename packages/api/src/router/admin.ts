import {
  jobsSummary,
  listFailedSteps,
  moderateWallpapers,
  moderationQueue,
  pipelineSteps,
  rerunStep,
  resolveDuplicate,
  retryFailedSteps,
} from "@wallpaperdb/admin";
import { forgetCachedMedia } from "@wallpaperdb/media-serving/cache";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, curatorProcedure } from "../trpc.ts";

const wallpaperIds = z.array(z.uuid()).min(1).max(200);
const step = z.enum(pipelineSteps);
const page = {
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
};

const moderationRouter = createTRPCRouter({
  queue: curatorProcedure
    .input(
      z.object({ status: z.enum(["pending", "approved", "rejected"]).default("pending"), ...page }).strict(),
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

const jobsRouter = createTRPCRouter({
  summary: curatorProcedure.query(({ ctx }) => jobsSummary(ctx.db)),

  failed: curatorProcedure
    .input(z.object({ step: step.optional(), ...page }).strict())
    .query(({ ctx, input }) => listFailedSteps(ctx.db, input)),

  // Re-driving work costs CPU for every wallpaper it touches, so it is for admins only.
  retryFailed: adminProcedure
    .input(z.object({ step: step.optional(), wallpaperIds: wallpaperIds.optional() }).strict())
    .mutation(({ ctx, input }) => retryFailedSteps(ctx.db, input)),

  rerun: adminProcedure
    .input(z.object({ step, scope: z.enum(["all", "missing"]) }).strict())
    .mutation(({ ctx, input }) => rerunStep(ctx.db, input)),
});

/** Curation and operations (accounts are managed under `account.admin.users`). */
export const adminRouter = createTRPCRouter({ moderation: moderationRouter, jobs: jobsRouter });
