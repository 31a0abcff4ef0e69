import { AppError, type ErrorCode } from "@wallpaperdb/core/errors";

/** Sub-codes in `details.reason` so the UI can explain exactly which tag rule was broken. */
export type TagRuleReason =
  | "tag_exists"
  | "name_is_alias"
  | "alias_is_tag"
  | "alias_exists"
  | "alias_chain"
  | "alias_not_found"
  | "tag_not_found"
  | "implication_self"
  | "implication_exists"
  | "implication_not_found"
  | "implication_cycle"
  | "implication_redundant"
  | "merge_self"
  | "wallpaper_not_found"
  | "version_mismatch"
  | "add_remove_overlap"
  | "not_revertible"
  | "audit_not_found"
  | "too_many_wallpapers"
  | "too_many_tags"
  | "not_owner";

export function tagRuleError(
  code: ErrorCode,
  reason: TagRuleReason,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { reason, ...details });
}
