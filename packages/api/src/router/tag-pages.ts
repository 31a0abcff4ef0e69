import { AppError } from "@wallpaperdb/core/errors";
import type { SearchInput, SearchPage } from "@wallpaperdb/search";
import { didYouMean, didYouMeanAll, listTags, loadTagPage, tagCategories } from "@wallpaperdb/tags";
import { loadViewerScope } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import type { TRPCContext } from "../trpc.ts";
import { createTRPCRouter, publicProcedure } from "../trpc.ts";

const tagName = z.string().min(1).max(200);
/** How many wallpapers each strip of a tag page shows; "more" opens the gallery search. */
const STRIP = 12;

/**
 * "No tag or alias with that name", with the close names `didYouMean` finds: the stable reason
 * `tag_not_found` and `suggestions` (canonical names, best first) travel in the problem's details.
 */
export async function unknownTagError(ctx: Pick<TRPCContext, "db">, name: string): Promise<AppError> {
  const suggestions = (await didYouMean(ctx.db, name, 5)).map((hit) => hit.name);
  return new AppError(
    "not_found",
    suggestions.length > 0
      ? `No tag or alias is called ${name}. Did you mean ${suggestions[0]}?`
      : `No tag or alias is called ${name}.`,
    { reason: "tag_not_found", name, suggestions },
  );
}

async function strip(
  ctx: TRPCContext,
  name: string,
  sort: "newest" | "top",
  scope: Awaited<ReturnType<typeof loadViewerScope>>,
): Promise<SearchPage["items"]> {
  const input = {
    tags: { all: [name], none: [], any: [] },
    sort,
    ...(sort === "top" ? { range: "1y" as const } : {}),
    limit: STRIP,
    resolutions: [],
    ratios: [],
    colors: [],
  } satisfies SearchInput;
  try {
    return (await ctx.search.search(input, null, scope)).items;
  } catch (error) {
    // OpenSearch has no top list (top-unsupported.ts): the best-rated ones stand in.
    if (error instanceof AppError && error.details?.reason === "sort_not_supported")
      return (await ctx.search.search({ ...input, sort: "quality" }, null, scope)).items;
    throw error;
  }
}

/** The visitor's side of the tag vocabulary: tag pages, the tag index and "did you mean". All public. */
export const tagPageRouter = createTRPCRouter({
  /**
   * One tag's page by its name or an alias (`resolvedFromAlias` tells the page to redirect): description,
   * links, related tags and the newest and top wallpapers in the viewer's scope.
   */
  byName: publicProcedure.input(z.object({ name: tagName }).strict()).query(async ({ ctx, input }) => {
    const tag = await loadTagPage(ctx.db, input.name);
    if (!tag) throw await unknownTagError(ctx, input.name);
    const scope = await loadViewerScope(ctx.db, ctx.user);
    const [newest, top] = await Promise.all([
      strip(ctx, tag.name, "newest", scope),
      strip(ctx, tag.name, "top", scope),
    ]);
    return { ...tag, newest, top };
  }),

  /** The tag index: counts, a category filter, sorted by count, name or newest, paged. */
  index: publicProcedure
    .input(
      z
        .object({
          category: z.enum(tagCategories).optional(),
          query: z.string().max(100).optional(),
          sort: z.enum(["count", "name", "newest"]).default("count"),
          limit: z.number().int().min(1).max(200).default(60),
          offset: z.number().int().min(0).max(100_000).default(0),
        })
        .strict(),
    )
    .query(({ ctx, input }) => listTags(ctx.db, input)),

  /** Close tags for names that are neither a tag nor an alias (the query bar, autocomplete). */
  didYouMean: publicProcedure
    .input(
      z
        .object({
          names: z.array(tagName).min(1).max(10),
          limit: z.number().int().min(1).max(10).default(3),
        })
        .strict(),
    )
    .query(({ ctx, input }) => didYouMeanAll(ctx.db, input.names, input.limit)),
});
