export type {
  CardVariant,
  SearchBackend,
  SearchPage,
  SimilarItem,
  SimilarMatch,
  WallpaperCard,
} from "./backend.ts";
export { COLOR_MATCH_DISTANCE, MIN_COLOR_FRACTION } from "./color-match.ts";
export { loadSearchEnv, type SearchEnv } from "./env.ts";
export { createOpenSearchSearch, type OpenSearchOptions } from "./opensearch/opensearch-backend.ts";
export { loadCards, mediaUrl } from "./postgres/cards.ts";
export { createPostgresSearch } from "./postgres/postgres-backend.ts";
export { scopeOnlyCondition } from "./postgres/viewer-scope.ts";
export * from "./query/index.ts";
export {
  bestImageUrl,
  type PickFromCollection,
  randomRedirect,
  randomRequestFromParams,
} from "./random-endpoint.ts";
export { FAVORITE_WEIGHT, refreshTopScores } from "./top-scores.ts";
export { topListUnsupported } from "./top-unsupported.ts";
export { shownPurities, type ViewerScope, visitorScope } from "./viewer-scope.ts";
export { partitionVisible } from "./visibility.ts";
