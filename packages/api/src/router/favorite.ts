import { loadCards } from "@wallpaperdb/search";
import { favoritedAmong, favoriteState, listFavorites, setFavorite } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";

const byWallpaperId = z.object({ wallpaperId: z.uuid() }).strict();

/** Favorites: an account keeps wallpapers it likes (a heart on tiles and pages) and finds them again. */
export const favoriteRouter = createTRPCRouter({
  /** The heart of one wallpaper for this caller: kept or not, and by how many accounts. */
  state: publicProcedure
    .input(byWallpaperId)
    .query(({ ctx, input }) => favoriteState(ctx.db, input.wallpaperId, ctx.user)),
  /** Which of a page of tiles the caller keeps (none when signed out), so each tile's heart is filled. */
  among: publicProcedure
    .input(z.object({ wallpaperIds: z.array(z.uuid()).max(100) }).strict())
    .query(({ ctx, input }) => favoritedAmong(ctx.db, ctx.user, input.wallpaperIds)),
  /** Keep or let go; idempotent both ways. Answers the new state, so the heart shows what is stored. */
  set: protectedProcedure
    .input(z.object({ wallpaperId: z.uuid(), favorite: z.boolean() }).strict())
    .mutation(({ ctx, input }) => setFavorite(ctx.db, ctx.user, input.wallpaperId, input.favorite)),
  /** The caller's favorites, newest kept first, as gallery cards (the same tiles as the gallery's). */
  list: protectedProcedure
    .input(
      z
        .object({
          cursor: z.string().max(200).nullish(),
          // TanStack's infinite queries send it; the list only goes forward.
          direction: z.enum(["forward", "backward"]).optional(),
          limit: z.number().int().min(1).max(100).default(60),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const page = await listFavorites(ctx.db, ctx.user.id, input);
      return { items: await loadCards(ctx.db, page.wallpaperIds), nextCursor: page.nextCursor };
    }),
});
