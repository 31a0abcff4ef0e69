import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { gallerySearchOptions } from "~/components/gallery/search-options.ts";
import { readTileSize } from "~/components/gallery/tile-size.ts";
import { GalleryFrame } from "~/components/gallery/tile-size-frame.tsx";
import { PublicCollections } from "~/components/users/public-collections.tsx";
import { uploaderFeedHref, uploaderQuery } from "~/components/users/uploader-query.ts";
import { UploadsGrid } from "~/components/users/uploads-grid.tsx";
import { caller, getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";
import "~/components/gallery/gallery.css";
import "~/components/users/users.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ username: string }>;

/** The profile, or null for a name no (enabled) account has; one lookup for metadata and page. */
const profileOf = cache(async (username: string) => {
  try {
    return await caller.user.byUsername({ username: decodeURIComponent(username) });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const profile = await profileOf((await params).username);
  if (!profile) return { title: "No such account" };
  return {
    title: `${profile.name} (@${profile.username})`,
    alternates: {
      types: {
        "application/atom+xml": [
          { url: uploaderFeedHref(profile.username), title: `Uploads by ${profile.name}` },
        ],
      },
    },
  };
}

export default async function UploaderPage({ params }: { params: Params }) {
  const profile = await profileOf((await params).username);
  if (!profile) notFound();
  const query = uploaderQuery(profile.username);
  const queryClient = getQueryClient();
  const [, collections, me] = await Promise.all([
    queryClient.prefetchInfiniteQuery(gallerySearchOptions(trpc, query)),
    queryClient.fetchQuery(trpc.collection.listPublicByUser.queryOptions({ username: profile.username })),
    caller.account.me(),
  ]);
  const isOwner = me?.username === profile.username;
  const tileSize = readTileSize(await cookies());
  return (
    <GalleryFrame initial={tileSize}>
      <header className="uploader-head" data-testid="uploader-head">
        <h1>{profile.name}</h1>
        <span className="uploader-handle muted">@{profile.username}</span>
        <span className="muted">
          joined {profile.joinedAt.toLocaleDateString("en", { year: "numeric", month: "long" })} ·{" "}
          {profile.publicUploads.toLocaleString("en")} upload{profile.publicUploads === 1 ? "" : "s"}
        </span>
        <Link href={uploaderFeedHref(profile.username)} className="muted" data-testid="uploader-feed">
          Feed
        </Link>
      </header>
      <HydrateClient>
        {collections.length > 0 || isOwner ? (
          <section className="uploader-section" aria-labelledby="collections-heading">
            <h2 id="collections-heading">Collections</h2>
            <PublicCollections username={profile.username} isOwner={isOwner} />
          </section>
        ) : null}
        <section className="uploader-section" aria-labelledby="uploads-heading">
          {/* Named when collections come first; alone, the page's title says what the grid is. */}
          <h2 id="uploads-heading" className={collections.length > 0 || isOwner ? undefined : "sr-only"}>
            Uploads
          </h2>
          <UploadsGrid query={query} name={profile.name} />
        </section>
      </HydrateClient>
    </GalleryFrame>
  );
}
