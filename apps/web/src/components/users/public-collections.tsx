"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { describeError } from "~/components/shared/describe-error.ts";
import { WallpaperPicture } from "~/components/wallpaper/picture.tsx";
import { useTRPC } from "~/trpc/react.tsx";

/** Enough to show the row without pushing the uploads (an endless grid) far down; the rest on demand. */
const FIRST_SHOWN = 6;
// A cover cell is at most a quarter of a ~300 px card: the thumb variant covers it at any density.
const COVER_SIZES = "(max-width: 520px) 50vw, 160px";

/**
 * An account's public collections, as wallhaven lists them on a profile: a cover of the first few
 * wallpapers, the name and the count, each a link to the collection. Private ones are never here (the
 * procedure does not list them, whoever asks); `isOwner` adds a pointer to where the owner keeps them.
 */
export function PublicCollections({ username, isOwner }: { username: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const listed = useQuery(trpc.collection.listPublicByUser.queryOptions({ username }));
  const [showAll, setShowAll] = useState(false);
  if (listed.isError) {
    return (
      <p className="notice notice-bad" role="alert">
        {describeError(listed.error)}
      </p>
    );
  }
  const rows = listed.data ?? [];
  const hint = isOwner ? (
    <p className="muted uploader-collections-hint" data-testid="own-collections-hint">
      Only your public collections are shown here. <Link href="/collections">Manage your collections</Link>
    </p>
  ) : null;
  if (rows.length === 0) return hint;
  const shown = showAll ? rows : rows.slice(0, FIRST_SHOWN);
  return (
    <>
      {hint}
      <ul className="uploader-collections" data-testid="public-collections">
        {shown.map((collection) => (
          <li key={collection.id}>
            <Link
              className="uploader-collection"
              href={`/collections/${collection.id}`}
              data-testid="public-collection"
            >
              <span className="uploader-collection-cover" data-count={collection.covers.length}>
                {collection.covers.map((card) => (
                  <WallpaperPicture
                    key={card.id}
                    id={card.id}
                    variants={card.variants}
                    thumbhash={card.thumbhash}
                    fallbackColor={card.colors[0]}
                    alt=""
                    sizes={COVER_SIZES}
                  />
                ))}
              </span>
              <span className="uploader-collection-name">{collection.name}</span>
              <span className="muted uploader-collection-count">
                {collection.itemCount.toLocaleString("en")}{" "}
                {collection.itemCount === 1 ? "wallpaper" : "wallpapers"}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {rows.length > shown.length ? (
        <button className="button button-ghost" type="button" onClick={() => setShowAll(true)}>
          Show all {rows.length} collections
        </button>
      ) : null}
    </>
  );
}
