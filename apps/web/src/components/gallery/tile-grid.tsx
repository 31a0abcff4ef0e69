"use client";

import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef } from "react";
import { useFavoritedAmong } from "~/components/favorites/use-favorited.ts";
import { PAGE_SIZE } from "./filters.ts";
import { useHeldLastRow } from "./held-row.ts";
import { moveGridFocus } from "./keyboard.ts";
import type { GallerySelect } from "./select.tsx";
import { GalleryTile, type TileCard } from "./tile.tsx";
import { useTileSize } from "./tile-size-frame.tsx";

/** What the grid needs of an infinite query of cards (a search, a favorites list, a collection). */
export interface TilePages {
  pages: readonly { items: readonly TileCard[] }[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface Props {
  cards: TilePages;
  /** The grid element, for those who look into it (the viewer's return to the last tile). */
  gridRef?: RefObject<HTMLDivElement | null>;
  /** Select mode (the gallery's bulk tagging), when the page offers it. */
  select?: GallerySelect;
}

/**
 * The justified tile grid every list of wallpapers shares: rows at the chosen tile size, hearts for a
 * signed-in account, arrow keys between tiles, the next page loaded a screen before it is reached, and
 * the partial last row held back until that page arrives (held-row.ts).
 */
export function TileGrid({ cards, gridRef, select }: Props) {
  const ownRef = useRef<HTMLDivElement>(null);
  const grid = gridRef ?? ownRef;
  const sentinel = useRef<HTMLDivElement>(null);
  const { pages, hasNextPage, isFetchingNextPage, fetchNextPage } = cards;

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage) return;
    // Start loading a screen early, so scrolling rarely reaches the end of what is loaded.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "0px 0px 800px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, index: number) => moveGridFocus(event, grid.current, index),
    [grid],
  );
  const items = pages.flatMap((page) => page.items);
  const { size } = useTileSize();
  const favorited = useFavoritedAmong(pages);
  useHeldLastRow(grid, hasNextPage, `${items.length} ${size} ${select?.active ?? false}`);

  return (
    <>
      <div
        className="gallery-grid"
        ref={grid}
        data-testid="gallery-grid"
        data-selecting={select?.active ?? false}
      >
        {items.map((card, index) => (
          <GalleryTile
            key={card.id}
            card={card}
            index={index}
            onKeyDown={onKeyDown}
            favorited={favorited && !select?.active ? favorited.has(card.id) : undefined}
            selectable={
              select?.active
                ? { selected: select.selection.has(card.id), onSelect: select.select }
                : undefined
            }
          />
        ))}
      </div>
      <div ref={sentinel} className="gallery-sentinel" data-testid="gallery-sentinel">
        {isFetchingNextPage
          ? "Loading more…"
          : hasNextPage
            ? ""
            : items.length > PAGE_SIZE
              ? "That is all of them."
              : ""}
      </div>
    </>
  );
}
