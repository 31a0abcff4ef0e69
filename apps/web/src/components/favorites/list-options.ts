import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@wallpaperdb/api";
import { PAGE_SIZE } from "~/components/gallery/filters.ts";

/** The favorites list as an infinite query: the page prefetches it on the server, the grid reads it. */
export function favoritesListOptions(trpc: TRPCOptionsProxy<AppRouter>) {
  return trpc.favorite.list.infiniteQueryOptions(
    { limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
