import { AppError } from "@wallpaperdb/core/errors";

export const MAX_TAG_NAME_LENGTH = 100;

export type TagNameProblem =
  | "empty"
  | "too_long"
  | "control_character"
  | "reserved_character"
  | "reserved_prefix"
  | "only_punctuation";

export type NormalizeResult = { ok: true; name: string } | { ok: false; problem: TagNameProblem };

// Characters the search query language gives a meaning to (wildcard, list separator, grouping,
// field syntax, quoting); a tag containing them could never be searched for literally.
const RESERVED = /[*,()"'`:\\%]/u;
// Leading `-` negates and `~` means "or" in queries (Danbooru's syntax), so names cannot start with them.
const RESERVED_PREFIX = /^[-~]/u;
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

/** Canonical form: NFKC, trimmed, lower case, runs of whitespace and underscores become one `_`. */
export function normalizeTagNameResult(raw: string): NormalizeResult {
  const folded = raw.normalize("NFKC").trim().toLowerCase();
  if (CONTROL.test(folded.replace(/\s/gu, " "))) return { ok: false, problem: "control_character" };
  const name = folded.replace(/[\s_]+/gu, "_").replace(/^_+|_+$/gu, "");
  if (name.length === 0) return { ok: false, problem: "empty" };
  if ([...name].length > MAX_TAG_NAME_LENGTH) return { ok: false, problem: "too_long" };
  if (RESERVED_PREFIX.test(name)) return { ok: false, problem: "reserved_prefix" };
  if (RESERVED.test(name)) return { ok: false, problem: "reserved_character" };
  if (!/[\p{L}\p{N}]/u.test(name)) return { ok: false, problem: "only_punctuation" };
  return { ok: true, name };
}

const messages: Record<TagNameProblem, string> = {
  empty: "A tag name cannot be empty.",
  too_long: `A tag name can have at most ${MAX_TAG_NAME_LENGTH} characters.`,
  control_character: "A tag name cannot contain control or invisible characters.",
  reserved_character: "A tag name cannot contain * , ( ) quotes : \\ or %.",
  reserved_prefix: "A tag name cannot start with - or ~ (they are search syntax).",
  only_punctuation: "A tag name needs at least one letter or digit.",
};

/** Throws validation_failed with `details.reason = invalid_tag_name` and the exact problem. */
export function normalizeTagName(raw: string): string {
  const result = normalizeTagNameResult(raw);
  if (!result.ok) {
    throw new AppError("validation_failed", messages[result.problem], {
      reason: "invalid_tag_name",
      problem: result.problem,
      name: raw,
    });
  }
  return result.name;
}

/** Lenient form for what a user is still typing: never throws, keeps a trailing `_`. */
export function normalizePrefix(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/^\s+/u, "")
    .toLowerCase()
    .replace(/[\s_]+/gu, "_")
    .replace(/^[-~]+/u, "")
    .slice(0, MAX_TAG_NAME_LENGTH);
}
