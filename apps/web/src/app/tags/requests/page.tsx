import type { Metadata } from "next";
import { parseRequestFilter, requestListInput } from "~/components/tag-requests/labels.ts";
import { TagRequestList } from "~/components/tag-requests/request-list.tsx";
import { caller, getQueryClient, HydrateClient, trpc } from "~/trpc/server.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tag requests" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Danbooru's alias and implication requests, public: who asked, who decided, and why. */
export default async function TagRequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const me = await caller.account.me();
  // "My requests" needs an account; a visitor with ?status=mine sees everything instead.
  const asked = parseRequestFilter(params.status);
  const filter = asked === "mine" && !me ? "all" : asked;
  const page = Math.max(1, Math.min(4000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const input = requestListInput(filter, page);
  await getQueryClient().prefetchQuery(
    filter === "mine" ? trpc.tagRequest.mine.queryOptions(input) : trpc.tagRequest.list.queryOptions(input),
  );
  return (
    <HydrateClient>
      <h1>Tag requests</h1>
      <p className="muted">
        Anyone signed in may propose an alias (another name for a tag) or an implication (one tag brings
        another) from a tag's page; curators approve or reject each one.
      </p>
      <TagRequestList filter={filter} page={page} signedIn={me !== null} />
    </HydrateClient>
  );
}
