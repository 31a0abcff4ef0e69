import { loadCards } from "@wallpaperdb/search";
import {
  addToCollection,
  collectionPage,
  createCollection,
  deleteCollection,
  listMyCollections,
  listPublicCollections,
  listPublicCollectionsByUsername,
  MAX_COLLECTION_ITEMS,
  moveInCollection,
  removeFromCollection,
  requireViewableCollection,
  updateCollection,
} from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";

const name = z.string().trim().min(1).max(100);
const description = z.string().trim().max(2000);
const byCollectionId = z.object({ collectionId: z.uuid() }).strict();
// The bulk bar sends a selection; the gallery loads at most a few hundred tiles at once.
const wallpaperIds = z.array(z.uuid()).min(1).max(500);

/**
 * Collections: named, ordered lists of wallpapers, public or private (the rules are in the wallpaper
 * domain, `collections.ts`). A private collection is not_found to everyone but its owner.
 */
export const collectionRouter = createTRPCRouter({
  /** The caller's collections; `containing` asks which of these wallpapers each holds (the picker). */
  mine: protectedProcedure
    .input(z.object({ containing: z.array(z.uuid()).max(500).optional() }).strict())
    .query(({ ctx, input }) => listMyCollections(ctx.db, ctx.user, input.containing)),
  /** An account's public collections. */
  byAccount: publicProcedure
    .input(z.object({ userId: z.string().min(1).max(200) }).strict())
    .query(({ ctx, input }) => listPublicCollections(ctx.db, input.userId, ctx.user)),
  /**
   * An account's public collections by its handle (its `/users/<username>` page), each with its cover as
   * gallery cards. Never a private one, whoever asks; an unknown or disabled account is not_found.
   */
  listPublicByUser: publicProcedure
    .input(z.object({ username: z.string().trim().min(1).max(100) }).strict())
    .query(async ({ ctx, input }) => {
      const rows = await listPublicCollectionsByUsername(ctx.db, input.username, ctx.user);
      const cards = new Map(
        (await loadCards(ctx.db, [...new Set(rows.flatMap((row) => row.coverIds))])).map((card) => [
          card.id,
          card,
        ]),
      );
      return rows.map(({ coverIds, ...row }) => ({
        ...row,
        covers: coverIds.flatMap((id) => cards.get(id) ?? []),
      }));
    }),
  /** One collection's name, owner, count and visibility. */
  byId: publicProcedure
    .input(byCollectionId)
    .query(({ ctx, input }) => requireViewableCollection(ctx.db, input.collectionId, ctx.user)),
  /** A collection's wallpapers in its order, as gallery cards, page by page. */
  items: publicProcedure
    .input(
      byCollectionId
        .extend({
          cursor: z.string().max(200).nullish(),
          // TanStack's infinite queries send it; the list only goes forward.
          direction: z.enum(["forward", "backward"]).optional(),
          limit: z.number().int().min(1).max(100).default(60),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const page = await collectionPage(ctx.db, ctx.user, input.collectionId, input);
      return { items: await loadCards(ctx.db, page.wallpaperIds), nextCursor: page.nextCursor };
    }),
  create: protectedProcedure
    .input(z.object({ name, description: description.optional(), isPublic: z.boolean().optional() }).strict())
    .mutation(({ ctx, input }) => createCollection(ctx.db, ctx.user, input)),
  /** Rename, describe, make public or private: any of them at once. */
  update: protectedProcedure
    .input(
      byCollectionId
        .extend({
          name: name.optional(),
          description: description.optional(),
          isPublic: z.boolean().optional(),
        })
        .strict(),
    )
    .mutation(({ ctx, input: { collectionId, ...patch } }) =>
      updateCollection(ctx.db, ctx.user, collectionId, patch),
    ),
  delete: protectedProcedure
    .input(byCollectionId)
    .mutation(({ ctx, input }) => deleteCollection(ctx.db, ctx.user, input.collectionId)),
  /** Adds at the end, in the order given; idempotent. */
  add: protectedProcedure
    .input(byCollectionId.extend({ wallpaperIds }).strict())
    .mutation(({ ctx, input }) => addToCollection(ctx.db, ctx.user, input.collectionId, input.wallpaperIds)),
  remove: protectedProcedure
    .input(
      byCollectionId.extend({ wallpaperIds: z.array(z.uuid()).min(1).max(MAX_COLLECTION_ITEMS) }).strict(),
    )
    .mutation(({ ctx, input }) =>
      removeFromCollection(ctx.db, ctx.user, input.collectionId, input.wallpaperIds),
    ),
  /** Moves one wallpaper to right after `afterId` (to the top when null). */
  move: protectedProcedure
    .input(byCollectionId.extend({ wallpaperId: z.uuid(), afterId: z.uuid().nullable() }).strict())
    .mutation(({ ctx, input }) =>
      moveInCollection(ctx.db, ctx.user, input.collectionId, input.wallpaperId, input.afterId),
    ),
});
