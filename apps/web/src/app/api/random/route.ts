import { randomRedirect } from "@wallpaperdb/search";
import { getSearchBackend } from "~/server/deps.ts";
import { problemFromError } from "~/server/problem.ts";

// For desktop wallpaper changers: GET /api/random?atleast=2560x1440&ratios=16x9&q=nature → 302 to the image.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    return await randomRedirect(getSearchBackend(), new URL(request.url).searchParams);
  } catch (error) {
    return problemFromError(error, request);
  }
}
