"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { TileGrid } from "~/components/gallery/tile-grid.tsx";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";
import { favoritesListOptions } from "./list-options.ts";

/** "My favorites": the account's kept wallpapers, newest kept first, in the gallery's own grid. */
export function FavoritesGrid() {
  const trpc = useTRPC();
  const list = useInfiniteQuery(favoritesListOptions(trpc));
  if (list.isError) {
    return (
      <div className="gallery-state notice notice-bad" role="alert">
        {describeError(list.error)}
      </div>
    );
  }
  if (list.isPending) {
    return (
      <div className="gallery-state muted" aria-busy="true">
        Loading your favorites…
      </div>
    );
  }
  if (list.data.pages[0]?.items.length === 0) {
    return (
      <div className="gallery-state gallery-empty" data-testid="favorites-empty">
        <h2>No favorites yet</h2>
        <p className="muted">
          Press the heart on a wallpaper, in the gallery or on its page, to keep it here.
        </p>
        <Link className="button" href="/">
          Browse the gallery
        </Link>
      </div>
    );
  }
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  return <TileGrid cards={{ pages: list.data.pages, hasNextPage, isFetchingNextPage, fetchNextPage }} />;
}
