import { emptyFilters, filtersToParams, type GalleryFilters } from "./filters.ts";

/**
 * The Atom feed of a gallery view: the same URL parameters, always newest first (a feed is about what
 * is new), so `/?tags=cat&sort=quality` follows as `/feed?tags=cat`. Pure: the gallery's alternate
 * link, the filter bar's "Feed" link and the feed's own rel="self" all come from here.
 */
export function feedHref(filters: GalleryFilters): string {
  const params = filtersToParams({ ...filters, sort: emptyFilters.sort, seed: null });
  const search = params.toString();
  return search ? `/feed?${search}` : "/feed";
}
