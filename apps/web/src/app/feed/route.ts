import { TRPCError } from "@trpc/server";
import { createCaller, createTRPCContext } from "@wallpaperdb/api";
import { AppError } from "@wallpaperdb/core/errors";
import { webEnv } from "~/env.ts";
import { getApiDeps } from "~/server/deps.ts";
import { feedResponse } from "~/server/feed/respond.ts";
import { searchFeedSource } from "~/server/feed/search-feed.ts";
import { problemFromError } from "~/server/problem.ts";

// The Atom feed of any gallery search: /feed?tags=cat&ratio=16x9 follows /?tags=cat&ratio=16x9.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const ctx = await createTRPCContext({ headers: request.headers, deps: await getApiDeps() });
    const origin = webEnv().PUBLIC_BASE_URL.replace(/\/+$/u, "");
    const source = await searchFeedSource(new URL(request.url).searchParams, createCaller(ctx), origin);
    return feedResponse(request, source, origin);
  } catch (error) {
    // Procedures throw TRPCErrors around the domain's AppError: answer with the AppError's status.
    const cause = error instanceof TRPCError && error.cause instanceof AppError ? error.cause : error;
    return problemFromError(cause, request);
  }
}
