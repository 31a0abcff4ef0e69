"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react.tsx";
import { type NameStatus, nameStatus, previewTagName } from "./name-preview.ts";

/**
 * What the text of a tag field will be saved as: the normalizer's verdict at once, then whether that
 * exact name is a tag, an alias (and of which tag) or new, from `tag.resolve` (an exact lookup, so it is
 * right however many longer names share the prefix). Null for an empty field.
 */
export function useTagName(text: string): NameStatus | null {
  const trpc = useTRPC();
  const preview = previewTagName(text);
  const name = preview?.ok ? preview.name : null;
  const resolved = useQuery(
    trpc.tag.resolve.queryOptions(name === null ? skipToken : { name }, { staleTime: 30_000 }),
  );
  return preview === null ? null : nameStatus(preview, resolved.data);
}
