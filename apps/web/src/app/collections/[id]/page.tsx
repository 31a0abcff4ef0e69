import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CollectionView } from "~/components/collections/collection-view.tsx";
import { collectionItemsOptions } from "~/components/collections/options.ts";
import { readTileSize } from "~/components/gallery/tile-size.ts";
import { GalleryFrame } from "~/components/gallery/tile-size-frame.tsx";
import { caller, getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";
import "~/components/gallery/gallery.css";
import "~/components/collections/collections.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

/** The collection for this reader, or null: not an id, or a private one of someone else (not_found). */
const load = cache(async (id: string) => {
  try {
    return await caller.collection.byId({ collectionId: id.toLowerCase() });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return null;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const collection = await load((await params).id);
  if (!collection) return { title: "Collection" };
  // A public collection has an Atom feed; readers find it from the page.
  return {
    title: collection.name,
    alternates: collection.isPublic
      ? {
          types: {
            "application/atom+xml": [
              { url: `/collections/${collection.id}/feed`, title: `${collection.name} as a feed` },
            ],
          },
        }
      : undefined,
  };
}

export default async function CollectionPage({ params }: { params: Params }) {
  const collection = await load((await params).id);
  if (!collection) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(trpc.collection.byId.queryKey({ collectionId: collection.id }), collection);
  await queryClient.prefetchInfiniteQuery(collectionItemsOptions(trpc, collection.id));
  const tileSize = readTileSize(await cookies());
  return (
    <GalleryFrame initial={tileSize}>
      <HydrateClient>
        <CollectionView collectionId={collection.id} />
      </HydrateClient>
    </GalleryFrame>
  );
}
