import { consumeRateLimit } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import { tagRequestKinds, tagRequestStatuses } from "@wallpaperdb/db";
import {
  decideTagRequest,
  listTagRequests,
  MAX_REQUEST_NOTE_LENGTH,
  MAX_REQUEST_REASON_LENGTH,
  proposeTagRequest,
  withdrawTagRequest,
} from "@wallpaperdb/tags";
import { z } from "zod";
import { createTRPCRouter, curatorProcedure, protectedProcedure, publicProcedure } from "../trpc.ts";

/**
 * Proposals per account per hour. A request costs a curator's attention, not the server's: this is
 * about a flood in the queue, so the window is long and the number is what one person plausibly files.
 */
export const TAG_REQUESTS_PER_HOUR = 10;
const HOUR = 60 * 60 * 1000;

const tagName = z.string().min(1).max(200);
const requestId = z.object({ requestId: z.number().int().positive() }).strict();
const note = z.string().max(MAX_REQUEST_NOTE_LENGTH).nullable().optional();
const listInput = z
  .object({
    status: z.enum(tagRequestStatuses).optional(),
    tag: tagName.optional(),
    limit: z.number().int().min(1).max(100).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/** Danbooru-style alias and implication requests: members propose, curators decide, all is public. */
export const tagRequestRouter = createTRPCRouter({
  propose: protectedProcedure
    .input(
      z
        .object({
          kind: z.enum(tagRequestKinds),
          antecedent: tagName,
          consequent: tagName,
          reason: z.string().trim().min(1).max(MAX_REQUEST_REASON_LENGTH),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const decision = await consumeRateLimit(
        ctx.db,
        `tagRequest.propose:${ctx.user.id}`,
        TAG_REQUESTS_PER_HOUR,
        HOUR,
      );
      if (!decision.allowed) {
        throw new AppError(
          "rate_limited",
          `You can propose ${TAG_REQUESTS_PER_HOUR} changes an hour; try again in ${Math.ceil(decision.retryAfterSeconds / 60)} min.`,
          { retryAfterSeconds: decision.retryAfterSeconds },
        );
      }
      return proposeTagRequest(ctx.db, input, ctx.user.id);
    }),

  /** The author only, and only while pending (request_not_author / request_not_pending). */
  withdraw: protectedProcedure
    .input(requestId)
    .mutation(({ ctx, input }) => withdrawTagRequest(ctx.db, input.requestId, ctx.user.id)),

  list: publicProcedure
    .input(listInput)
    .query(({ ctx, input }) => listTagRequests(ctx.db, input, ctx.user?.id ?? null)),

  mine: protectedProcedure
    .input(listInput.omit({ tag: true }))
    .query(({ ctx, input }) => listTagRequests(ctx.db, { ...input, proposedBy: ctx.user.id }, ctx.user.id)),

  /** Applies the link through the tag engine; an engine refusal leaves the request pending. */
  approve: curatorProcedure
    .input(requestId.extend({ note }))
    .mutation(({ ctx, input }) =>
      decideTagRequest(ctx.db, input.requestId, { approve: true, note: input.note ?? null }, ctx.user),
    ),

  reject: curatorProcedure
    .input(requestId.extend({ note }))
    .mutation(({ ctx, input }) =>
      decideTagRequest(ctx.db, input.requestId, { approve: false, note: input.note ?? null }, ctx.user),
    ),
});
