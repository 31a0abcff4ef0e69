export { normalizeColor, paletteColorNames } from "./colors.ts";
export { type QueryError, type QueryErrorCode, queryErrorCodes } from "./errors.ts";
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_SEED,
  querySearchRequest,
  type SearchFilters,
  type SearchFiltersDraft,
  type SearchInput,
  type SearchInputDraft,
  type SortOrder,
  searchFilters,
  searchInput,
  sortOrders,
  typedSearchRequest,
} from "./input.ts";
export { filterNames } from "./parse-filter.ts";
export { MAX_QUERY_LENGTH, type ParseResult, parseSearchQuery } from "./parse-query.ts";
export { type Purity, purities } from "./purity.ts";
export { resolveSince } from "./since.ts";
export {
  DEFAULT_TOP_RANGE,
  effectiveTopRange,
  parseTopRange,
  type TopRange,
  topRangeDays,
  topRanges,
  utcDay,
} from "./top-range.ts";
