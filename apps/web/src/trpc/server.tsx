import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createCaller, createTRPCContext } from "@wallpaperdb/api";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { getApiDeps } from "~/server/deps.ts";
import { makeQueryClient } from "./query-client.ts";

/**
 * Server components prefetch through the same procedures the browser calls (no HTTP hop), into a
 * query cache that lives for one request and is handed to the client with <HydrateClient>.
 */
export const getQueryClient = cache(makeQueryClient);

/** The API as a server component calls it: same procedures, context from this request. */
export const getCaller = cache(async () =>
  createCaller(await createTRPCContext({ headers: await headers(), deps: await getApiDeps() })),
);

export function HydrateClient({ children }: { children: ReactNode }) {
  // Dates survive: React's server-to-client serialization carries them.
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
