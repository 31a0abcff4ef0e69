/** Stable codes: clients (the gallery's filter bar, scripts) switch on them, so never rename one. */
export const queryErrorCodes = [
  "query_too_long",
  "too_many_terms",
  "unknown_filter",
  "missing_value",
  "invalid_value",
  "duplicate_filter",
  "unbalanced_or",
  "invalid_tag",
  "negated_filter",
  "seed_without_random",
  "range_without_top",
] as const;
export type QueryErrorCode = (typeof queryErrorCodes)[number];

export interface QueryError {
  code: QueryErrorCode;
  message: string;
  /** 0-based offset in the query string of the offending term (or of its value) */
  position: number;
  length: number;
}
