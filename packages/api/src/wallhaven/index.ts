import { AppError } from "@wallpaperdb/core/errors";
import type { ApiDeps } from "../context.ts";
import { wallhavenCollectionItems, wallhavenCollections, wallhavenSettingsOf } from "./account-endpoints.ts";
import { wallhavenTagById, wallhavenWallpaper } from "./item-endpoints.ts";
import { runWallhaven } from "./request.ts";
import { wallhavenSearch } from "./search-endpoint.ts";

export { WALLHAVEN_CALLS_PER_MINUTE } from "./request.ts";
export { translateSearchParams, WALLHAVEN_PER_PAGE } from "./search-params.ts";
export { seedNumber, seedText } from "./seed.ts";

/**
 * The wallhaven API v1 surface (docs/wallhaven-api.md), one function per route. `origin` is the public
 * origin (PUBLIC_BASE_URL) every URL in an answer starts with. The web app's /api/v1 routes only call these.
 */
export const wallhavenApi = {
  search: (deps: ApiDeps, request: Request, origin: string) =>
    runWallhaven(deps, request, (call) => wallhavenSearch(call, origin)),
  wallpaper: (deps: ApiDeps, request: Request, id: string, origin: string) =>
    runWallhaven(deps, request, (call) => wallhavenWallpaper(call, id, origin)),
  tag: (deps: ApiDeps, request: Request, id: string) =>
    runWallhaven(deps, request, (call) => wallhavenTagById(call, id)),
  settings: (deps: ApiDeps, request: Request) =>
    runWallhaven(deps, request, (call) => wallhavenSettingsOf(call)),
  /** `[]`, `[username]` or `[username, collectionId]`. */
  collections: (deps: ApiDeps, request: Request, path: readonly string[], origin: string) =>
    runWallhaven(deps, request, (call) => {
      const [username, id, ...rest] = path;
      if (username === undefined) return wallhavenCollections(call, null);
      if (id === undefined) return wallhavenCollections(call, username);
      if (rest.length > 0) throw new AppError("not_found", "There is no such collections route.");
      return wallhavenCollectionItems(call, username, id, origin);
    }),
};
