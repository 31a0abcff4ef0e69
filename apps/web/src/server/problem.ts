import { AppError, problemResponse } from "@wallpaperdb/core/errors";
import { webLogger } from "./logger.ts";

/**
 * Route handlers end here on any throw: a problem+json answer, and the real error only in the log. An
 * answer about the request (a 4xx: nothing matches, not found, rate limited) is the route working, so
 * it is logged at info; only a failure of the server (5xx) is an error an operator must look at.
 */
export function problemFromError(error: unknown, request: Request): Response {
  const instance = new URL(request.url).pathname;
  const response = problemResponse(error, instance);
  if (response.status >= 500) webLogger().error({ err: error, path: instance }, "route failed");
  else
    webLogger().info(
      { code: error instanceof AppError ? error.code : undefined, path: instance, status: response.status },
      "route answered a problem",
    );
  return response;
}
