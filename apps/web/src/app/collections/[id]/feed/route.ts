import { loadCards } from "@wallpaperdb/search";
import { publicCollectionNewest } from "@wallpaperdb/wallpapers";
import { z } from "zod";
import { webEnv } from "~/env.ts";
import { getApiDeps } from "~/server/deps.ts";
import { feedResponse } from "~/server/feed/respond.ts";
import { FEED_SIZE } from "~/server/feed/search-feed.ts";
import { problemFromError } from "~/server/problem.ts";

// The Atom feed of a public collection: its newest additions first, each entry dated when it was added.
// A private collection is not_found here for everyone, its owner included: feed readers send no session.
export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  try {
    const id = z.uuid().safeParse((await params).id);
    const { db } = await getApiDeps();
    const origin = webEnv().PUBLIC_BASE_URL.replace(/\/+$/u, "");
    // Not an id is as absent as an unknown one.
    const { collection, items } = await publicCollectionNewest(
      db,
      id.success ? id.data : "00000000-0000-0000-0000-000000000000",
      FEED_SIZE,
    );
    const cards = await loadCards(
      db,
      items.map((item) => item.wallpaperId),
    );
    const addedAt = new Map(items.map((item) => [item.wallpaperId, item.addedAt]));
    return feedResponse(
      request,
      {
        title: `WallpaperDB collection: ${collection.name} by ${collection.ownerName}`,
        selfUrl: `${origin}/collections/${collection.id}/feed`,
        pageUrl: `${origin}/collections/${collection.id}`,
        cards: cards.map((card) => ({ ...card, createdAt: addedAt.get(card.id) ?? card.createdAt })),
      },
      origin,
    );
  } catch (error) {
    return problemFromError(error, request);
  }
}
