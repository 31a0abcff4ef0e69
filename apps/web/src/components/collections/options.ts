import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@wallpaperdb/api";
import { PAGE_SIZE } from "~/components/gallery/filters.ts";

/** A collection's wallpapers as an infinite query: the page prefetches it on the server, the grid reads it. */
export function collectionItemsOptions(trpc: TRPCOptionsProxy<AppRouter>, collectionId: string) {
  return trpc.collection.items.infiniteQueryOptions(
    { collectionId, limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
}
