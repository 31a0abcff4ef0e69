import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@wallpaperdb/api";
import { PAGE_SIZE } from "./filters.ts";

/**
 * One gallery search as an infinite query: the page prefetches it on the server and GalleryGrid reads it,
 * both under the key tRPC makes, so invalidating `trpc.wallpaper.pathKey()` (after moderation or bulk
 * tagging) reaches every search the tab has cached, shown or not.
 */
export function gallerySearchOptions(
  trpc: TRPCOptionsProxy<AppRouter>,
  query: string,
  { abortOnUnmount = true }: { abortOnUnmount?: boolean } = {},
) {
  return trpc.wallpaper.search.infiniteQueryOptions(
    { q: query, limit: PAGE_SIZE },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      // A malformed query fails the same way twice: show its errors at once.
      retry: false,
      // A grid that unmounts (the filters changed) stops the page it was still loading. The wallpaper
      // page does not: each step of a walk unmounts it, and the walk still needs that page.
      trpc: { abortOnUnmount },
    },
  );
}
