import { AppError } from "@wallpaperdb/core/errors";
import type { SearchBackend, WallpaperCard } from "./backend.ts";
import { MAX_SEED, type SearchFilters } from "./query/input.ts";
import { parseSearchQuery } from "./query/parse-query.ts";
import type { ViewerScope } from "./viewer-scope.ts";

// URL parameters of /api/random and the filter each one stands for; `q` takes the full query syntax.
const parameterFilters: Record<string, string> = {
  atleast: "atleast",
  res: "res",
  resolutions: "res",
  ratios: "ratio",
  ratio: "ratio",
  orientation: "orientation",
  type: "type",
  quality: "quality",
  minquality: "quality",
  color: "color",
  colors: "color",
  since: "since",
  purity: "purity",
};

/**
 * `?atleast=2560x1440&ratios=16x9&q=nature -city&seed=7` → filters and seed. Values go through the
 * same parser as the query string, so every error has the same stable code; an unknown parameter is
 * an error too (a typo would otherwise silently widen the choice).
 */
export function randomRequestFromParams(params: URLSearchParams): {
  filters: SearchFilters;
  seed: number | undefined;
  collection?: string;
} {
  const terms: string[] = [];
  let seed: number | undefined;
  let collection: string | undefined;
  for (const [name, value] of params) {
    if (name === "q") terms.push(value);
    else if (name === "collection") collection = collectionParameter(value, params);
    else if (name === "seed") {
      seed = Number(value);
      if (!/^\d{1,10}$/u.test(value) || seed > MAX_SEED) {
        throw new AppError("validation_failed", `seed is a whole number from 0 to ${MAX_SEED}.`, {
          reason: "invalid_query",
          parameter: "seed",
        });
      }
    } else {
      const filter = parameterFilters[name];
      if (!filter) {
        throw new AppError("validation_failed", `Unknown parameter "${name}".`, {
          reason: "invalid_query",
          parameter: name,
          known: ["q", "seed", "collection", ...Object.keys(parameterFilters)],
        });
      }
      if (/\s/u.test(value)) {
        throw new AppError("validation_failed", `${name} cannot contain spaces.`, {
          reason: "invalid_query",
          parameter: name,
        });
      }
      terms.push(`${filter}:${value}`);
    }
  }
  const parsed = parseSearchQuery(terms.join(" "));
  if (!parsed.ok) {
    throw new AppError("validation_failed", "The random request has errors.", {
      reason: "invalid_query",
      errors: parsed.errors,
    });
  }
  return collection ? { filters: parsed.query, seed, collection } : { filters: parsed.query, seed };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * `collection=<id>` picks from a collection (with `seed` only): the collection's rows are not in the
 * search index, and a filter that silently did not apply would be worse than a refusal.
 */
function collectionParameter(value: string, params: URLSearchParams): string {
  if (!uuidPattern.test(value)) {
    throw new AppError("validation_failed", "collection is a collection's id.", {
      reason: "invalid_query",
      parameter: "collection",
    });
  }
  const others = [...params.keys()].filter((name) => name !== "collection" && name !== "seed");
  if (others.length > 0) {
    throw new AppError("validation_failed", `collection takes no other filters (got ${others.join(", ")}).`, {
      reason: "invalid_query",
      parameter: "collection",
    });
  }
  return value.toLowerCase();
}

/**
 * One wallpaper of a collection for the caller, as a card: the host composes the wallpaper domain's
 * `randomCollectionWallpaper` (the collection's visibility: not_found for someone else's private one)
 * with `loadCards`. Null when the collection shows no wallpaper.
 */
export type PickFromCollection = (collectionId: string, seed?: number) => Promise<WallpaperCard | null>;

/**
 * The variant a wallpaper changer gets: the large preview as JPEG (every screen and OS decodes it). The
 * pipeline stores only AVIF; the unversioned JPEG URL has the media route render and store it once and
 * redirect to its immutable URL.
 */
export function bestImageUrl(card: WallpaperCard): string | null {
  for (const kind of ["preview", "thumb"] as const) {
    const ofKind = card.variants.filter((v) => v.kind === kind);
    const jpeg = ofKind.find((v) => v.format === "jpeg");
    if (jpeg) return jpeg.url;
    if (ofKind.length > 0) return `/media/${card.id}/${kind}.jpeg`;
  }
  return null;
}

function pickFrom(
  fromCollection: PickFromCollection | undefined,
  collection: string,
  seed: number | undefined,
): Promise<WallpaperCard | null> {
  if (!fromCollection) throw new Error("randomRedirect needs fromCollection for ?collection=");
  return fromCollection(collection, seed);
}

/**
 * 302 to the chosen wallpaper's image; the redirect itself is never cached (each call picks anew).
 * `scope` is the requester's (the account of the API key given, else a visitor's: sfw only).
 */
export async function randomRedirect(
  backend: SearchBackend,
  params: URLSearchParams,
  fromCollection?: PickFromCollection,
  scope?: ViewerScope,
): Promise<Response> {
  const { filters, seed, collection } = randomRequestFromParams(params);
  const card = collection
    ? await pickFrom(fromCollection, collection, seed)
    : await backend.random(filters, seed, scope);
  const url = card ? bestImageUrl(card) : null;
  if (!url) throw new AppError("not_found", "No wallpaper matches these filters.", { reason: "no_match" });
  return new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
}
