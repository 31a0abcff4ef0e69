import { AppError } from "@wallpaperdb/core/errors";
import {
  MAX_SEED,
  parseSearchQuery,
  querySearchRequest,
  type SearchInput,
  searchFilters,
  searchInput,
  typedSearchRequest,
} from "@wallpaperdb/search";
import { loadViewerScope, requireViewableWallpaper } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { publicProcedure } from "../trpc.ts";

const seed = z.number().int().min(0).max(MAX_SEED).optional();

/** The query string's structured errors travel in `details.errors` with a validation_failed code. */
function parseOrThrow(q: string, limit?: number): SearchInput {
  const parsed = parseSearchQuery(q, { limit });
  if (!parsed.ok) {
    throw new AppError("validation_failed", "The search query has errors.", {
      reason: "invalid_query",
      errors: parsed.errors,
    });
  }
  return parsed.query;
}

const randomRequest = z.union([
  z.object({ q: z.string(), seed }).strict(),
  searchFilters.extend({ seed }).strict(),
]);

/**
 * Gallery search procedures, merged into the `wallpaper` router (root.ts). Public: the backends only
 * ever return processed, approved wallpapers, within the caller's viewer scope (purities shown and tag
 * blacklist from its settings; a visitor's without an account, also for a feed or a script with no key).
 */
export const wallpaperSearchProcedures = {
  /** `{ q: "cat -dog atleast:2560x1440 sort:quality" }` or the typed SearchInput; plus `cursor` for later pages. */
  search: publicProcedure
    .input(z.union([querySearchRequest, typedSearchRequest]))
    .query(async ({ ctx, input }) => {
      const { cursor, ...rest } = input;
      const query = "q" in rest ? parseOrThrow(rest.q, rest.limit) : searchInput.parse(rest);
      return ctx.search.search(query, cursor, await loadViewerScope(ctx.db, ctx.user));
    }),

  /** Near-duplicates (pHash) first, then wallpapers with a close palette. */
  similar: publicProcedure
    .input(z.object({ wallpaperId: z.uuid(), limit: z.number().int().min(1).max(48).default(12) }).strict())
    .query(async ({ ctx, input }) => {
      // The wallpaper itself by the page's rule (a visitor never finds a non-sfw one), its neighbours by the scope.
      await requireViewableWallpaper(ctx.db, input.wallpaperId, ctx.user);
      const scope = await loadViewerScope(ctx.db, ctx.user);
      const items = await ctx.search.similar(input.wallpaperId, input.limit, scope);
      if (items === null)
        throw new AppError("not_found", "No visible wallpaper with that id.", {
          wallpaperId: input.wallpaperId,
        });
      return { items };
    }),

  /** One wallpaper matching the filters (or query string); the same seed gives the same one. */
  random: publicProcedure.input(randomRequest).query(async ({ ctx, input }) => {
    const { seed: chosen, ...rest } = input;
    const filters = "q" in rest ? parseOrThrow(rest.q) : searchFilters.parse(rest);
    const card = await ctx.search.random(filters, chosen, await loadViewerScope(ctx.db, ctx.user));
    if (!card) throw new AppError("not_found", "No wallpaper matches these filters.", { reason: "no_match" });
    return card;
  }),
};
