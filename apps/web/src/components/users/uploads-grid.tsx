"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { gallerySearchOptions } from "~/components/gallery/search-options.ts";
import { TileGrid } from "~/components/gallery/tile-grid.tsx";
import { describeError } from "~/components/shared/describe-error.ts";
import { useTRPC } from "~/trpc/react.tsx";

/** An account's public uploads: the gallery search `uploader:<name>`, newest first, in the gallery's grid. */
export function UploadsGrid({ query, name }: { query: string; name: string }) {
  const trpc = useTRPC();
  const search = useInfiniteQuery(gallerySearchOptions(trpc, query));
  if (search.isError) {
    return (
      <div className="gallery-state notice notice-bad" role="alert">
        {describeError(search.error)}
      </div>
    );
  }
  if (search.isPending) {
    return (
      <div className="gallery-state muted" aria-busy="true">
        Loading uploads…
      </div>
    );
  }
  if (search.data.pages[0]?.items.length === 0) {
    return (
      <div className="gallery-state gallery-empty" data-testid="uploads-empty">
        <p className="muted">{name} has no public uploads yet.</p>
      </div>
    );
  }
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  return <TileGrid cards={{ pages: search.data.pages, hasNextPage, isFetchingNextPage, fetchNextPage }} />;
}
