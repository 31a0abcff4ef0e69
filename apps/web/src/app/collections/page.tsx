import type { Metadata } from "next";
import Link from "next/link";
import { authHref } from "~/components/account/return-path.ts";
import { CollectionsList } from "~/components/collections/collections-list.tsx";
import { caller, getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";
import "~/components/collections/collections.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Collections" };

export default async function CollectionsPage() {
  const me = await caller.account.me();
  if (!me) {
    return (
      <div className="card gallery-state" data-testid="collections-sign-in">
        <h1 className="collections-title">Collections</h1>
        <p className="muted">Sign in to gather wallpapers into named collections, private or public.</p>
        <Link className="button" href={authHref("/sign-in", "/collections")}>
          Sign in
        </Link>
      </div>
    );
  }
  await getQueryClient().prefetchQuery(trpc.collection.mine.queryOptions({}));
  return (
    <div className="collections-page">
      <h1 className="collections-title">Your collections</h1>
      <HydrateClient>
        <CollectionsList />
      </HydrateClient>
    </div>
  );
}
