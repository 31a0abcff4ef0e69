import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCollection } from "~/components/collections/picker.tsx";
import { FavoriteButton } from "~/components/favorites/heart.tsx";
import { BrowseStage, GalleryLink, WallpaperBrowse } from "~/components/wallpaper/browse.tsx";
import { CountView } from "~/components/wallpaper/count-view.tsx";
import { WallpaperDelete } from "~/components/wallpaper/delete.tsx";
import { WallpaperDownloads } from "~/components/wallpaper/downloads.tsx";
import { fullSizeUrl } from "~/components/wallpaper/full-size.ts";
import { WallpaperFullView } from "~/components/wallpaper/full-view.tsx";
import { WallpaperLiveProgress } from "~/components/wallpaper/live-progress.tsx";
import {
  WallpaperFacts,
  WallpaperPalette,
  WallpaperQuality,
  WallpaperTags,
} from "~/components/wallpaper/panels.tsx";
import { WallpaperPurity } from "~/components/wallpaper/purity.tsx";
import { WallpaperSimilar } from "~/components/wallpaper/similar.tsx";
import { WallpaperStage } from "~/components/wallpaper/stage.tsx";
import { WallpaperTagEditor } from "~/components/wallpaper/tag-editor.tsx";
import { caller, getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";
import "~/components/gallery/gallery.css";
import "~/components/wallpaper/wallpaper.css";

export const dynamic = "force-dynamic";

/** The page's view model for this reader, or null for an id that is no wallpaper they may see. */
const load = cache(async (id: string) => {
  try {
    // Lower case: the view's media URLs are built from the id as given.
    return await caller.wallpaper.view({ wallpaperId: id.toLowerCase() });
  } catch (error) {
    // Not an id (bad_request), or hidden from this reader (not_found, see mayViewWallpaper): both are
    // as absent as a wrong id.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
});

type Params = Promise<{ id: string }>;

function titleOf(view: { originalFilename: string | null; width: number; height: number }): string {
  const name = view.originalFilename
    ?.replace(/\.[^.]+$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
  return name || `Wallpaper ${view.width}×${view.height}`;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const view = await load((await params).id);
  return { title: view ? titleOf(view) : "Wallpaper" };
}

export default async function WallpaperPage({ params }: { params: Params }) {
  const view = await load((await params).id);
  if (!view) notFound();
  // The heart's count and state arrive with the page, so nothing beside the title moves after it loads.
  if (view.visible)
    await getQueryClient().prefetchQuery(trpc.favorite.state.queryOptions({ wallpaperId: view.id }));
  // What the frame and the full-size view both draw.
  const picture = {
    id: view.id,
    width: view.width,
    height: view.height,
    variants: view.variants,
    thumbhash: view.facts?.thumbhash ?? null,
    alt: titleOf(view),
  };
  return (
    <WallpaperBrowse id={view.id}>
      <div className="wallpaper-page page-wide">
        <div className="wallpaper-head">
          <GalleryLink />
          <h1 data-testid="wallpaper-title" title={titleOf(view)}>
            {titleOf(view)}
          </h1>
          {view.visible ? (
            <HydrateClient>
              <FavoriteButton wallpaperId={view.id} variant="page" />
              <CountView wallpaperId={view.id} />
            </HydrateClient>
          ) : null}
        </div>
        {view.moderation !== "approved" ? (
          <p className="notice notice-bad" data-testid="wallpaper-hidden">
            Not public: moderation {view.moderation === "rejected" ? "rejected it" : "holds it"}. Only its
            uploader and curators see this page.
          </p>
        ) : null}
        <div className="wallpaper-layout">
          <BrowseStage>
            {!view.processed ? (
              <div className="gallery-state muted" data-testid="wallpaper-processing">
                <p>Still processing: previews, palette and quality appear here when the workers finish.</p>
                <WallpaperLiveProgress wallpaperId={view.id} />
              </div>
            ) : view.moderation !== "approved" ? (
              <div className="gallery-state muted">
                The media of a wallpaper that is not public is not served.
              </div>
            ) : (
              <WallpaperStage {...picture} fallbackColor={view.palette[0]?.hex}>
                {view.mediaType === "image" ? (
                  <WallpaperFullView {...picture} originalUrl={fullSizeUrl(view)} />
                ) : null}
              </WallpaperStage>
            )}
          </BrowseStage>
          <aside className="wallpaper-side">
            {view.visible ? (
              <AddToCollection wallpaperIds={[view.id]} align="end" className="wallpaper-collect" />
            ) : null}
            {view.visible ? (
              <WallpaperDownloads
                id={view.id}
                width={view.width}
                height={view.height}
                originalLabel={`${view.width}×${view.height}`}
              />
            ) : null}
            <WallpaperPalette palette={view.palette} colorNames={view.colorNames} />
            <WallpaperQuality facts={view.facts} />
            {view.mayChange ? (
              <WallpaperTagEditor wallpaperId={view.id} tags={view.tags} />
            ) : (
              <WallpaperTags tags={view.tags} />
            )}
            <WallpaperFacts view={view} />
            <WallpaperPurity wallpaperId={view.id} purity={view.purity} mayChange={view.mayChange} />
            {view.mayChange ? <WallpaperDelete wallpaperId={view.id} /> : null}
          </aside>
        </div>
        {view.visible ? <WallpaperSimilar id={view.id} /> : null}
      </div>
    </WallpaperBrowse>
  );
}
