import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createTRPCContext } from "@wallpaperdb/api";
import { checkWriteRequest } from "@wallpaperdb/auth";
import { AppError, problemResponse } from "@wallpaperdb/core/errors";
import { getApiDeps, getAuthServices } from "~/server/deps.ts";
import { webLogger } from "~/server/logger.ts";

export const dynamic = "force-dynamic";

function retryAfterOf(errors: readonly TRPCError[]): string | undefined {
  for (const error of errors) {
    const seconds = error.cause instanceof AppError ? error.cause.details?.retryAfterSeconds : undefined;
    if (typeof seconds === "number") return String(seconds);
  }
  return undefined;
}

async function handler(request: Request): Promise<Response> {
  // Mutations only as same-origin JSON POSTs: the CSRF lock in front of cookie sessions.
  const refused = checkWriteRequest(request, getAuthServices().settings.trustedOrigins);
  if (refused) return problemResponse(refused, new URL(request.url).pathname);
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
    responseMeta({ errors }) {
      const retryAfter = retryAfterOf(errors);
      return retryAfter ? { headers: new Headers({ "retry-after": retryAfter }) } : {};
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
