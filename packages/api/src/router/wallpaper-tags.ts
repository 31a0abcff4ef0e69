import {
  bulkTag as bulkTagWallpapers,
  getWallpaperTags,
  MAX_BULK_WALLPAPERS,
  revertTagChange as revertChange,
  setTags as setWallpaperTags,
  suggestTags as suggestWallpaperTags,
} from "@wallpaperdb/tags";
import { assertMayChangeWallpaper, loadViewerScope, requireViewableWallpaper } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { curatorProcedure, protectedProcedure, publicProcedure } from "../trpc.ts";
import { wallpaperTagHistoryFor } from "./tag-history-view.ts";

const names = z.array(z.string().min(1).max(200)).max(100);
const delta = { add: names.default([]), remove: names.default([]) };

const tags = publicProcedure
  .input(z.object({ wallpaperId: z.uuid() }).strict())
  .query(async ({ ctx, input }) => {
    await requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user);
    return getWallpaperTags(ctx.db, input.wallpaperId);
  });

/**
 * Adds and removes tags as a delta, so concurrent edits by two people both survive. Its uploader or a
 * curator (`assertMayChangeWallpaper`).
 */
const setTags = protectedProcedure
  .input(
    z
      .object({ wallpaperId: z.uuid(), ...delta, expectedVersion: z.number().int().min(0).optional() })
      .strict(),
  )
  .mutation(async ({ ctx, input }) => {
    await assertMayChangeWallpaper(ctx.db, input.wallpaperId, ctx.user, "tag");
    const { wallpaperId, ...change } = input;
    return setWallpaperTags(ctx.db, wallpaperId, change, ctx.user);
  });

const bulkTag = curatorProcedure
  .input(
    z
      .object({
        // Selected ids only: "everything matching a search" is a search (the one query language and
        // its visibility rules) followed by this call with the ids it returned.
        target: z.object({ wallpaperIds: z.array(z.uuid()).min(1).max(MAX_BULK_WALLPAPERS) }).strict(),
        ...delta,
      })
      .strict(),
  )
  .mutation(({ ctx, input }) =>
    bulkTagWallpapers(ctx.db, input.target, { add: input.add, remove: input.remove }, ctx.user),
  );

const tagHistory = publicProcedure
  .input(
    z
      .object({
        wallpaperId: z.uuid(),
        limit: z.number().int().min(1).max(200).optional(),
        before: z.number().int().optional(),
      })
      .strict(),
  )
  .query(async ({ ctx, input }) => {
    await requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user);
    const { wallpaperId, ...page } = input;
    return wallpaperTagHistoryFor(ctx.db, wallpaperId, page, ctx.user);
  });

const revertTagChange = curatorProcedure
  .input(z.object({ auditId: z.number().int().positive() }).strict())
  .mutation(({ ctx, input }) => revertChange(ctx.db, input.auditId, ctx.user));

/** Similar wallpapers whose human tags are evidence for a suggestion: the page's "similar" neighbours. */
const SUGGEST_NEIGHBOURS = 24;

/**
 * Tags people chose on near-duplicates and similar wallpapers (the search port's one similarity, within
 * the caller's viewer scope) and tags often together with the wallpaper's own; each with its reasons.
 */
const suggestTags = publicProcedure
  .input(z.object({ wallpaperId: z.uuid(), limit: z.number().int().min(1).max(50).default(20) }).strict())
  .query(async ({ ctx, input }) => {
    await requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user);
    const scope = await loadViewerScope(ctx.db, ctx.user);
    // null: the wallpaper is not in the gallery (yet), so it has no similar neighbours there.
    const items = (await ctx.search.similar(input.wallpaperId, SUGGEST_NEIGHBOURS, scope)) ?? [];
    const similar = items.map((item) => ({ wallpaperId: item.card.id, match: item.match.kind }));
    return suggestWallpaperTags(ctx.db, input.wallpaperId, { limit: input.limit, similar });
  });

/** Spread into the `wallpaper` router in root.ts (the wallpaper router itself belongs to the gallery side). */
export const wallpaperTagProcedures = { tags, setTags, bulkTag, tagHistory, revertTagChange, suggestTags };
