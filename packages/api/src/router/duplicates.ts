import { forgetCachedMedia } from "@wallpaperdb/media-serving/cache";
import {
  dismissDuplicateGroup,
  duplicateGroups,
  keepDuplicate,
  keepDuplicatesInBulk,
} from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, curatorProcedure } from "../trpc.ts";

// A group of near-duplicates is at most a few dozen wallpapers; a bulk request is at most one page.
const memberIds = z.array(z.uuid()).min(2).max(100);
const group = { memberIds, version: z.string().min(1).max(64) };
const keep = z.object({ ...group, keepId: z.uuid(), rejectIds: z.array(z.uuid()).min(1).max(100) }).strict();

/** This process's media cache answers for a second without asking the database: not for these. */
function forget(ids: readonly string[]) {
  for (const id of ids) forgetCachedMedia(id);
}

/** The duplicate review (curators): near-duplicate groups and the decisions on them. */
export const duplicatesRouter = createTRPCRouter({
  groups: curatorProcedure
    .input(
      z
        .object({
          limit: z.number().int().min(1).max(50).default(20),
          offset: z.number().int().min(0).max(100_000).default(0),
        })
        .strict(),
    )
    .query(({ ctx, input }) => duplicateGroups(ctx.db, input)),

  keep: curatorProcedure.input(keep).mutation(async ({ ctx, input }) => {
    const result = await keepDuplicate(ctx.db, input, ctx.user);
    forget(result.rejected);
    return result;
  }),

  /** The default (or chosen) keep for a page of groups: one request, one transaction per group. */
  keepMany: curatorProcedure
    .input(z.object({ groups: z.array(keep).min(1).max(50) }).strict())
    .mutation(async ({ ctx, input }) => {
      const result = await keepDuplicatesInBulk(ctx.db, input.groups, ctx.user);
      for (const outcome of result.results) if (outcome.status === "kept") forget(outcome.rejected);
      return result;
    }),

  dismiss: curatorProcedure
    .input(z.object(group).strict())
    .mutation(({ ctx, input }) => dismissDuplicateGroup(ctx.db, input, ctx.user)),
});
