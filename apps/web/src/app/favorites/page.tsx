import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { authHref } from "~/components/account/return-path.ts";
import { FavoritesGrid } from "~/components/favorites/favorites-grid.tsx";
import { favoritesListOptions } from "~/components/favorites/list-options.ts";
import { readTileSize } from "~/components/gallery/tile-size.ts";
import { GalleryFrame } from "~/components/gallery/tile-size-frame.tsx";
import { caller, getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";
import "~/components/gallery/gallery.css";
import "~/components/favorites/favorites.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Favorites" };

export default async function FavoritesPage() {
  const me = await caller.account.me();
  const tileSize = readTileSize(await cookies());
  if (!me) {
    return (
      <div className="card gallery-state" data-testid="favorites-sign-in">
        <h1 className="favorites-title">Favorites</h1>
        <p className="muted">Sign in to keep the wallpapers you like and find them here again.</p>
        <Link className="button" href={authHref("/sign-in", "/favorites")}>
          Sign in
        </Link>
      </div>
    );
  }
  await getQueryClient().prefetchInfiniteQuery(favoritesListOptions(trpc));
  return (
    <GalleryFrame initial={tileSize}>
      <div className="favorites-head">
        <h1 className="favorites-title">Your favorites</h1>
        <Link href="/collections">Your collections →</Link>
      </div>
      <HydrateClient>
        <FavoritesGrid />
      </HydrateClient>
    </GalleryFrame>
  );
}
