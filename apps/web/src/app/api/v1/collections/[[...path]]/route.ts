import { wallhavenApi } from "@wallpaperdb/api/wallhaven";
import { withWallhaven } from "~/server/wallhaven.ts";

// wallhaven API v1: GET /api/v1/collections[/<username>[/<collection id>]] (docs/wallhaven-api.md).
export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ path?: string[] }> },
): Promise<Response> {
  const { path = [] } = await context.params;
  return withWallhaven(request, (deps, origin) => wallhavenApi.collections(deps, request, path, origin));
}
