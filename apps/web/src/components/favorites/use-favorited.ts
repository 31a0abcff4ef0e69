"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react.tsx";

/**
 * The hearts of a grid's tiles: which of the loaded wallpapers the signed-in account keeps, one
 * request per loaded page (a page's ids never change, so its answer stays cached while more pages
 * load). Signed out it asks nothing and answers null: the tiles then show no heart.
 */
export function useFavoritedAmong(
  pages: readonly { items: readonly { id: string }[] }[],
): Set<string> | null {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const signedIn = Boolean(me.data);
  const answers = useQueries({
    queries: pages.map((page) => ({
      ...trpc.favorite.among.queryOptions({ wallpaperIds: page.items.map((card) => card.id) }),
      enabled: signedIn && page.items.length > 0,
    })),
  });
  if (!signedIn) return null;
  return new Set(answers.flatMap((answer) => answer.data ?? []));
}
