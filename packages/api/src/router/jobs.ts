import {
  jobsSummary,
  listFailedSteps,
  pipelineSteps,
  rerunStep,
  retryFailedSteps,
} from "@wallpaperdb/pipeline";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, curatorProcedure } from "../trpc.ts";
import { offsetPage as page, wallpaperIdList as wallpaperIds } from "./inputs.ts";

const step = z.enum(pipelineSteps);

/** Processing jobs: counts per step, failures, and re-driving them. */
export const jobsRouter = createTRPCRouter({
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
