import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient, trpc } from "~/trpc/server.tsx";

/**
 * Reads who is signed in on the server and hands it to every client component below (the header's
 * Admin link and user menu, the admin shell, the account page), so they render the right thing in the
 * first paint and nothing moves when the page becomes interactive. It wraps the whole frame: a
 * component rendered beside it, before it resolves, would render signed out on the server and signed
 * in on the client, which React reports as a hydration mismatch.
 */
export async function SessionBoundary({ children }: { children: ReactNode }) {
  const client = getQueryClient();
  const me = trpc.account.me.queryOptions();
  await client.prefetchQuery(me);
  // Only the session: pages hydrate their own queries from the same request cache.
  const session = dehydrate(client, {
    shouldDehydrateQuery: (query) =>
      query.state.status === "success" &&
      query === client.getQueryCache().find({ queryKey: me.queryKey, exact: true }),
  });
  return <HydrationBoundary state={session}>{children}</HydrationBoundary>;
}
