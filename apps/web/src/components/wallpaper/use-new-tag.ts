"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react.tsx";

/**
 * Whether a pending (normalized) name is neither a tag nor an alias, from `tag.resolve`'s exact lookup
 * (the top 50 completions of `tag.autocomplete` could miss it behind 50 more used longer names), and
 * for a new name the close names `tagPage.didYouMean` finds. The badge and the notice share the queries.
 */
export function useNewTag(name: string) {
  const trpc = useTRPC();
  const known = useQuery(trpc.tag.resolve.queryOptions({ name }, { staleTime: 30_000 }));
  const isNew = known.data?.tag === null;
  const close = useQuery(
    trpc.tagPage.didYouMean.queryOptions(isNew ? { names: [name], limit: 3 } : skipToken, {
      staleTime: 30_000,
    }),
  );
  return { isNew, suggestions: isNew ? (close.data?.[0]?.suggestions ?? []) : [] };
}
