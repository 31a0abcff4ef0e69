"use client";

import Link from "next/link";
import type { TileCard } from "~/components/gallery/tile.tsx";
import { TileGrid } from "~/components/gallery/tile-grid.tsx";

const noMore = { hasNextPage: false, isFetchingNextPage: false, fetchNextPage: () => undefined };

/** A few of a tag's wallpapers in the gallery's own grid, with a link to all of them in the gallery. */
export function TagStrip({
  title,
  cards,
  moreHref,
  empty,
  testId,
}: {
  title: string;
  cards: TileCard[];
  moreHref: string;
  empty: string;
  testId: string;
}) {
  return (
    <section className="tag-strip" aria-label={title} data-testid={testId}>
      <header className="tag-strip-head">
        <h2>{title}</h2>
        {cards.length > 0 ? (
          <Link href={moreHref} className="muted">
            See all →
          </Link>
        ) : null}
      </header>
      {cards.length > 0 ? (
        <TileGrid cards={{ pages: [{ items: cards }], ...noMore }} />
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}
