import { problemResponse } from "@wallpaperdb/core/errors";
import { webLogger } from "./logger.ts";

/** Route handlers end here on any throw: a problem+json answer, and the real error only in the log. */
export function problemFromError(error: unknown, request: Request): Response {
  const instance = new URL(request.url).pathname;
  webLogger().error({ err: error, path: instance }, "route failed");
  return problemResponse(error, instance);
}
