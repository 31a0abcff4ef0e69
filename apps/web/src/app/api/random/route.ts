import { resolveRequestUser } from "@wallpaperdb/auth";
import { loadCards, randomRedirect } from "@wallpaperdb/search";
import { randomCollectionWallpaper } from "@wallpaperdb/wallpapers";
import { getAuthServices, getDb, getSearchBackend } from "~/server/deps.ts";
import { problemFromError } from "~/server/problem.ts";

// For desktop wallpaper changers: GET /api/random?atleast=2560x1440&ratios=16x9&q=nature → 302 to the image;
// GET /api/random?collection=<id> picks from a collection (a private one with its owner's API key or session).
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const db = getDb().db;
    return await randomRedirect(getSearchBackend(), new URL(request.url).searchParams, async (id, seed) => {
      // A revoked or unknown API key is 401, as everywhere in the HTTP API; no key is anonymous.
      const caller = await resolveRequestUser(db, getAuthServices().auth, request.headers);
      const chosen = await randomCollectionWallpaper(db, caller, id, seed);
      return chosen ? ((await loadCards(db, [chosen]))[0] ?? null) : null;
    });
  } catch (error) {
    return problemFromError(error, request);
  }
}
