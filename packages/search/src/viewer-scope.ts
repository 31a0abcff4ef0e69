import { PUBLIC_PURITY, type Purity, purities } from "@wallpaperdb/db/purity";

/**
 * Who is looking, as far as search is concerned: the purities they may see and the tags they never
 * want to see. Every list the site shows (gallery and search, random, feeds, similar, uploader pages,
 * collections) goes through the backends with one of these, and the backends apply it in one place
 * each (`viewerScopeCondition` for PostgreSQL, `viewerScopeClauses` for OpenSearch). The account's
 * settings make it (`loadViewerScope` in packages/wallpapers); without one, a backend uses the
 * visitor's scope, so forgetting to pass it can only ever hide more.
 */
export interface ViewerScope {
  /** always holds sfw */
  readonly purities: readonly Purity[];
  /** canonical tag ids: a wallpaper carrying one (directly, or implied) is hidden */
  readonly blacklist: readonly number[];
}

/** Anonymous visitors: sfw only, nothing blacklisted. */
export const visitorScope: ViewerScope = Object.freeze({ purities: [PUBLIC_PURITY], blacklist: [] });

/**
 * The purities a search shows: those the query asks for (all it may see when it asks none) that the
 * viewer may see. Empty when the query asked only for purities the viewer may not see: nothing
 * matches, exactly as if no such wallpaper existed.
 */
export function shownPurities(scope: ViewerScope, requested: readonly Purity[] | undefined): Purity[] {
  return purities.filter(
    (purity) => scope.purities.includes(purity) && (requested === undefined || requested.includes(purity)),
  );
}
