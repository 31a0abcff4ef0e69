import type { createCaller } from "@wallpaperdb/api";
import { AppError } from "@wallpaperdb/core/errors";
import { parseSearchQuery } from "@wallpaperdb/search/query";
import { feedHref } from "../../components/gallery/feed-link.ts";
import {
  emptyFilters,
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
} from "../../components/gallery/filters.ts";
import type { FeedSource } from "./atom.ts";

/** Entries per feed: a reader polls often, so the newest fifty are plenty. */
export const FEED_SIZE = 50;

type Caller = ReturnType<typeof createCaller>;

/**
 * The feed of a gallery search: the gallery's own URL parameters, parsed by the gallery's own code
 * (`filtersFromParams` → `filtersToQuery`), then the query language, then `wallpaper.search` as the
 * requester (so whatever the search shows this caller, the feed shows: the same visibility rules).
 * Newest first always; a `sort:` typed into `q` is overridden. A query with errors is validation_failed.
 */
export async function searchFeedSource(
  params: URLSearchParams,
  caller: Caller,
  origin: string,
): Promise<FeedSource> {
  const filters = { ...filtersFromParams(params), sort: emptyFilters.sort, seed: null };
  const query = filtersToQuery(filters);
  const parsed = parseSearchQuery(query, { limit: FEED_SIZE });
  if (!parsed.ok) {
    throw new AppError("validation_failed", "The search query has errors.", {
      reason: "invalid_query",
      errors: parsed.errors,
    });
  }
  const { similarTo: _similar, seed: _seed, ...input } = parsed.query;
  const page = await caller.wallpaper.search({ ...input, sort: "newest", limit: FEED_SIZE });
  const gallery = filtersToParams(filters).toString();
  return {
    title: query ? `WallpaperDB: ${query}` : "WallpaperDB: newest wallpapers",
    selfUrl: `${origin}${feedHref(filters)}`,
    pageUrl: `${origin}/${gallery ? `?${gallery}` : ""}`,
    cards: page.items,
  };
}
