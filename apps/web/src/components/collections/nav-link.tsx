"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CollectionsIcon } from "~/components/shared/icons.tsx";
import { useTRPC } from "~/trpc/react.tsx";

/**
 * The header's Collections entry, for signed-in accounts only (a visitor has none to open). The session
 * is prefetched on the server (SessionBoundary), so it is in the first paint and the header never moves.
 */
export function CollectionsNavLink() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  if (!me.data) return null;
  return (
    <Link href="/collections" className="nav-link" aria-label="Collections">
      <CollectionsIcon />
      <span className="nav-label">Collections</span>
    </Link>
  );
}
