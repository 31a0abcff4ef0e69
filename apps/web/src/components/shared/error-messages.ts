import { type ErrorCode, isErrorCode } from "@wallpaperdb/core/errors";
import type { QueryErrorCode } from "@wallpaperdb/search/query";

/**
 * What each stable error code means to a person, for when the server's own sentence is missing or
 * generic. Codes are for programs (core's errorCodes, search's queryErrorCodes) and never shown; the
 * Record types make a new code without a message a type error, and error-messages.test.ts checks the
 * runtime lists too.
 */
export const errorMessages: Record<ErrorCode, string> = {
  bad_request: "The request was not understood. Reload the page and try again.",
  validation_failed: "Some of what you entered is not valid.",
  unauthorized: "Sign in to do this.",
  forbidden: "Your account is not allowed to do this.",
  not_found: "This no longer exists, or the address is wrong.",
  conflict: "Someone changed this at the same time. Reload and try again.",
  gone: "This has been removed.",
  too_large: "The file is larger than this site accepts.",
  unsupported_type: "This kind of file is not supported.",
  too_many_pixels: "The image has more pixels than this site accepts.",
  too_long: "The video is longer than this site accepts.",
  corrupt: "The file could not be read; it may be damaged.",
  taken_down: "This file was taken down by a moderator and cannot be uploaded again.",
  rate_limited: "Too many attempts in a short time. Wait a minute and try again.",
  internal: "Something went wrong on our side. Try again in a moment.",
  dependency_unavailable: "Part of the service is down for a moment. Try again shortly.",
};

/** Short names for the search box's problems, shown before the parser's own explanation. */
export const queryErrorLabels: Record<QueryErrorCode, string> = {
  query_too_long: "Search too long",
  too_many_terms: "Too many tags",
  unknown_filter: "Unknown filter",
  missing_value: "Filter without a value",
  invalid_value: "Value not understood",
  duplicate_filter: "Filter used twice",
  unbalanced_or: "OR without two sides",
  invalid_tag: "Not a tag name",
  negated_filter: "Filter cannot be negated",
  seed_without_random: "Seed needs random order",
  range_without_top: "Range needs the top list",
};

/** When no answer came back at all (offline, a dropped connection, the server restarting). */
export const unreachableMessage = "The server could not be reached. Check your connection and try again.";

/** The table's sentence for a code that arrived as a plain string (an upload's rejection). */
export function errorMessageFor(code: unknown): string {
  return isErrorCode(code) ? errorMessages[code] : errorMessages.internal;
}

/** A human label for a query error code; an unknown code (a newer server) gets a neutral one. */
export function queryErrorLabel(code: string): string {
  return Object.hasOwn(queryErrorLabels, code) ? queryErrorLabels[code as QueryErrorCode] : "Problem";
}
