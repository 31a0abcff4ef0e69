import type { ApiDeps } from "@wallpaperdb/api";
import { AppError } from "@wallpaperdb/core/errors";
import { webEnv } from "~/env.ts";
import { getApiDeps } from "./deps.ts";
import { webLogger } from "./logger.ts";
import { problemFromError } from "./problem.ts";

/**
 * What every /api/v1 (wallhaven) route needs: the API's dependencies and the public origin its URLs
 * start with. A backing service that is down answers 503 before the route runs.
 */
export async function withWallhaven(
  request: Request,
  route: (deps: ApiDeps, origin: string) => Promise<Response>,
): Promise<Response> {
  let deps: ApiDeps;
  try {
    deps = await getApiDeps();
  } catch (cause) {
    webLogger().error({ err: cause }, "dependencies unavailable for the wallhaven API");
    const error = new AppError(
      "dependency_unavailable",
      "A backing service is unavailable; try again shortly.",
    );
    return problemFromError(error, request);
  }
  return route(deps, webEnv().PUBLIC_BASE_URL.replace(/\/+$/u, ""));
}
