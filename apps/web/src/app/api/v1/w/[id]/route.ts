import { wallhavenApi } from "@wallpaperdb/api/wallhaven";
import { withWallhaven } from "~/server/wallhaven.ts";

// wallhaven API v1: GET /api/v1/w/<wallpaper id> (docs/wallhaven-api.md).
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return withWallhaven(request, (deps, origin) => wallhavenApi.wallpaper(deps, request, id, origin));
}
