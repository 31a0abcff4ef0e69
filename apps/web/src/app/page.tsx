import { namedPalette } from "@wallpaperdb/imaging/colors";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { feedHref } from "~/components/gallery/feed-link.ts";
import { FilterBar } from "~/components/gallery/filter-bar.tsx";
import { activeFilterCount, filtersFromParams, filtersToQuery } from "~/components/gallery/filters.ts";
import { GalleryGrid } from "~/components/gallery/grid.tsx";
import { gallerySearchOptions } from "~/components/gallery/search-options.ts";
import { readTileSize } from "~/components/gallery/tile-size.ts";
import { GalleryFrame } from "~/components/gallery/tile-size-frame.tsx";
import { withAccountDefaults } from "~/components/settings/gallery-defaults.ts";
import { loadAccountSettings } from "~/components/settings/load-settings.ts";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";
import "~/components/gallery/gallery.css";

export const dynamic = "force-dynamic";
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The root page shares the root layout segment, where the title template does not apply. Feed readers
// find the current search's Atom feed from the page's alternate link.
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const filters = filtersFromParams(paramsOf(await searchParams));
  return {
    title: { absolute: "WallpaperDB · Gallery" },
    alternates: {
      types: { "application/atom+xml": [{ url: feedHref(filters), title: "This search as a feed" }] },
    },
  };
}

function paramsOf(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}

// The palette the color search understands, as swatches; computed once per process.
const swatches = namedPalette.map((color) => ({ name: color.name, hex: color.hex }));

export default async function GalleryPage({ searchParams }: { searchParams: SearchParams }) {
  const params = paramsOf(await searchParams);
  // A signed-in account's defaults fill what the address leaves unsaid.
  const settings = await loadAccountSettings();
  const filters = withAccountDefaults(filtersFromParams(params), params, settings);
  const query = filtersToQuery(filters);
  // The first page is rendered on the server; a malformed query is left for the client to show.
  await getQueryClient().prefetchInfiniteQuery(gallerySearchOptions(trpc, query));
  // The tile size is in the first paint: the rows and every tile's `sizes` come from the cookie.
  const tileSize = readTileSize(await cookies(), settings?.tileSize);
  return (
    <GalleryFrame initial={tileSize}>
      {/* For screen readers and the tab title; the first screen belongs to the wallpapers. */}
      <h1 className="sr-only">Gallery: every wallpaper, stored once</h1>
      {/* Not keyed by the query: typing writes the URL, and a remount would take the focus from the box. */}
      <FilterBar filters={filters} swatches={swatches} />
      <HydrateClient>
        <GalleryGrid
          key={query}
          query={query}
          hasFilters={activeFilterCount(filters) > 0 || filters.sort !== "newest"}
          colorCount={filters.colors.length}
        />
      </HydrateClient>
    </GalleryFrame>
  );
}
