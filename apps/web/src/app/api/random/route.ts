import { resolveRequestUser } from "@wallpaperdb/auth";
import { loadCards, randomRedirect } from "@wallpaperdb/search";
import { loadViewerScope, randomCollectionWallpaper } from "@wallpaperdb/wallpapers";
import { getAuthServices, getDb, getSearchBackend } from "~/server/deps.ts";
import { problemFromError } from "~/server/problem.ts";

// For desktop wallpaper changers: GET /api/random?atleast=2560x1440&ratios=16x9&q=nature → 302 to the image;
// GET /api/random?collection=<id> picks from a collection (a private one with its owner's API key or session).
// With an API key (Bearer) or a session, the pick follows that account's settings (purities shown, tag
// blacklist); without, a visitor's rules (sfw only).
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const db = getDb().db;
    // A revoked or unknown API key is 401, as everywhere in the HTTP API; no key is anonymous.
    const caller = await resolveRequestUser(db, getAuthServices().auth, request.headers);
    const scope = await loadViewerScope(db, caller);
    const pickFromCollection = async (id: string, seed?: number) => {
      const chosen = await randomCollectionWallpaper(db, caller, id, seed);
      return chosen ? ((await loadCards(db, [chosen]))[0] ?? null) : null;
    };
    return await randomRedirect(
      getSearchBackend(),
      new URL(request.url).searchParams,
      pickFromCollection,
      scope,
    );
  } catch (error) {
    return problemFromError(error, request);
  }
}
