import { AppError, type ErrorCode } from "@wallpaperdb/core/errors";

/**
 * Sub-codes in `details.reason` for what only tag requests can break. A request that breaks a tag
 * rule (unknown tag, alias chain, cycle...) carries the engine's own reason from errors.ts instead.
 */
export type TagRequestReason =
  | "request_reason"
  | "request_note"
  | "request_self"
  | "request_duplicate"
  | "request_not_found"
  | "request_not_pending"
  | "request_not_author";

export function tagRequestError(
  code: ErrorCode,
  reason: TagRequestReason,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { reason, ...details });
}
