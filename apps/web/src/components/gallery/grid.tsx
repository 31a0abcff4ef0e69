"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { queryErrorLabel } from "~/components/shared/error-messages.ts";
import { UnknownTagsHint } from "~/components/tag-pages/did-you-mean.tsx";
import { useTRPC } from "~/trpc/react.tsx";
import { useGalleryBrowse } from "./browse-context.ts";
import { gallerySearchOptions } from "./search-options.ts";
import { GallerySelectBar, useGallerySelect } from "./select.tsx";
import { TileGrid } from "./tile-grid.tsx";

interface QueryError {
  code: string;
  message: string;
  position?: number;
  length?: number;
}

function queryErrorsOf(error: unknown): { message: string; errors: QueryError[] } {
  const data = (error as { data?: { details?: { errors?: QueryError[] } } } | null)?.data;
  return {
    message: describeError(error),
    errors: Array.isArray(data?.details?.errors) ? data.details.errors : [],
  };
}

interface Props {
  query: string;
  hasFilters: boolean;
  /** Several colours at once: each must appear, which is why such searches often come back empty. */
  colorCount?: number;
}

export function GalleryGrid({ query, hasFilters, colorCount = 0 }: Props) {
  const trpc = useTRPC();
  const grid = useRef<HTMLDivElement>(null);
  const search = useInfiniteQuery(gallerySearchOptions(trpc, query));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search;

  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const ids = items.map((card) => card.id);
  const select = useGallerySelect(ids);
  useGalleryBrowse(query, grid, ids.length > 0);

  if (search.isError) {
    const { message, errors } = queryErrorsOf(search.error);
    return (
      <div className="gallery-state notice notice-bad" role="alert" data-testid="gallery-error">
        <strong>{message}</strong>
        {errors.length > 0 ? (
          <ul className="query-errors">
            {errors.map((error) => (
              <li key={`${error.code}-${error.position ?? 0}`}>
                {queryErrorLabel(error.code)}: {error.message}
                {error.position !== undefined ? (
                  <span className="muted">
                    {" "}
                    at {error.position}
                    {query ? (
                      <>
                        :{" "}
                        <mark>
                          {query.slice(error.position, error.position + (error.length ?? 1)) || "…"}
                        </mark>
                      </>
                    ) : null}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  if (search.isPending)
    return (
      <div className="gallery-state muted" aria-busy="true">
        Loading wallpapers…
      </div>
    );

  const first = search.data.pages[0];
  if (items.length === 0) {
    return (
      <div className="gallery-state gallery-empty" data-testid="gallery-empty">
        <h2>{hasFilters ? "Nothing matches these filters" : "No wallpapers yet"}</h2>
        <p className="muted">
          {colorCount > 1
            ? `A wallpaper must contain all ${colorCount} chosen colours: pick one colour, or remove a filter.`
            : hasFilters
              ? "Remove a filter or two, or try another color."
              : "Upload the first ones and they appear here once processed."}
        </p>
        {first?.unknownTags.length ? <UnknownTagsHint names={first.unknownTags} /> : null}
        <Link className="button" href={hasFilters ? "/" : "/upload"}>
          {hasFilters ? "Clear filters" : "Upload wallpapers"}
        </Link>
      </div>
    );
  }
  return (
    <>
      {/* An unknown tag in an exclusion or an "or" group leaves results: say so here too. */}
      {first?.unknownTags.length ? <UnknownTagsHint names={first.unknownTags} /> : null}
      <p className="gallery-count muted" data-testid="gallery-count" aria-live="polite">
        {first?.totalIsEstimate ? "about " : ""}
        {first?.total.toLocaleString("en")} wallpaper{first?.total === 1 ? "" : "s"}
      </p>
      <GallerySelectBar state={select} loadedIds={ids} />
      <TileGrid
        cards={{ pages: search.data.pages, hasNextPage, isFetchingNextPage, fetchNextPage }}
        gridRef={grid}
        select={select}
      />
    </>
  );
}
