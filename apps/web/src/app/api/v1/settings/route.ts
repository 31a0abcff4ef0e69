import { wallhavenApi } from "@wallpaperdb/api/wallhaven";
import { withWallhaven } from "~/server/wallhaven.ts";

// wallhaven API v1: GET /api/v1/settings, the API key owner's settings (docs/wallhaven-api.md).
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withWallhaven(request, (deps) => wallhavenApi.settings(deps, request));
}
