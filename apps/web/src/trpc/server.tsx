import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import {
  type AppRouter,
  appRouter,
  createCaller,
  createTRPCContext,
  type TRPCContext,
} from "@wallpaperdb/api";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { getApiDeps } from "~/server/deps.ts";
import { makeQueryClient } from "./query-client.ts";

/** One query cache per request, filled by prefetches and handed to the browser by <HydrateClient>. */
export const getQueryClient = cache(makeQueryClient);

/** Without the credentials: who a request is when it is nobody. */
function anonymous(requestHeaders: Headers): Headers {
  const stripped = new Headers(requestHeaders);
  stripped.delete("authorization");
  stripped.delete("cookie");
  return stripped;
}

/**
 * The request's context, built once however many procedures a page calls. A page is not the HTTP API:
 * a bad or revoked API key header makes its reader anonymous instead of an error page (/api/trpc still
 * answers 401).
 */
const getContext = cache(async (): Promise<TRPCContext> => {
  const [requestHeaders, deps] = await Promise.all([headers(), getApiDeps()]);
  return createTRPCContext({ headers: requestHeaders, deps }).catch((error: unknown) => {
    if (!(error instanceof TRPCError && error.code === "UNAUTHORIZED")) throw error;
    return createTRPCContext({ headers: anonymous(requestHeaders), deps });
  });
});

/**
 * The API for server components, the same options proxy the browser's useTRPC() gives: prefetch with
 * `getQueryClient().prefetchQuery(trpc.x.queryOptions(...))` (or prefetchInfiniteQuery with
 * `infiniteQueryOptions`) so server and client share tRPC's query keys, and a path invalidation in the
 * browser reaches what the server prefetched. Procedures run in this process, no HTTP hop.
 */
export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: getContext,
  queryClient: getQueryClient,
});

/** For a server component that needs the data itself (notFound(), metadata), from the same context. */
export const caller = createCaller(getContext);

export function HydrateClient({ children }: { children: ReactNode }) {
  // Dates survive: React's server-to-client serialization carries them.
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
