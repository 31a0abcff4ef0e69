import { wallhavenApi } from "@wallpaperdb/api/wallhaven";
import { withWallhaven } from "~/server/wallhaven.ts";

// wallhaven API v1: GET /api/v1/search (docs/wallhaven-api.md).
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withWallhaven(request, (deps, origin) => wallhavenApi.search(deps, request, origin));
}
