import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createTRPCContext } from "@wallpaperdb/api";
import { AppError } from "@wallpaperdb/core/errors";
import { getApiDeps } from "~/server/deps.ts";
import { webLogger } from "~/server/logger.ts";

export const dynamic = "force-dynamic";

function handler(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => {
      const deps = await getApiDeps().catch((cause: unknown) => {
        webLogger().error({ err: cause }, "dependencies unavailable for tRPC");
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          cause: new AppError(
            "dependency_unavailable",
            "A backing service is unavailable; try again shortly.",
          ),
        });
      });
      return createTRPCContext({ headers: request.headers, deps });
    },
    onError({ error, path }) {
      // Expected failures (bad input, not found) are the client's business; only log our own.
      if (error.code === "INTERNAL_SERVER_ERROR" || error.code === "SERVICE_UNAVAILABLE") {
        webLogger().error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      }
    },
  });
}

export { handler as GET, handler as POST };
