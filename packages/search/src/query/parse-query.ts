import { normalizeTagNameResult } from "@wallpaperdb/tags/normalize";
import type { QueryError } from "./errors.ts";
import { MAX_TAG_TERMS, type SearchInput, searchInput } from "./input.ts";
import { applyFilter, type FilterDraft } from "./parse-filter.ts";
import { type Token, tokenize } from "./tokenize.ts";

export const MAX_QUERY_LENGTH = 1000;

export type ParseResult = { ok: true; query: SearchInput } | { ok: false; errors: QueryError[] };

type TagToken = Extract<Token, { kind: "tag" | "negated" | "either" }>;

function tagError(token: TagToken): QueryError | string {
  const result = normalizeTagNameResult(token.name);
  if (result.ok) return result.name;
  return {
    code: "invalid_tag",
    message: `"${token.name}" is not a valid tag name (${result.problem.replace(/_/gu, " ")}).`,
    position: token.position,
    length: token.length,
  };
}

function orError(token: Token, message: string): QueryError {
  return { code: "unbalanced_or", message, position: token.position, length: token.length };
}

/**
 * Parses the booru/wallhaven-style query string into the canonical SearchInput:
 *   cat  -dog  cat OR dog  ~cat ~dog  atleast:2560x1440  res:1920x1080,3840x2160  ratio:16x9,21x9
 *   orientation:landscape  type:image  quality:>=60  color:ff0000,dark_blue  since:7d
 *   sort:newest|quality|relevance|random|top|similar:<id>  seed:42  range:1d|3d|1w|1M|3M|6M|1y (with sort:top)
 * Every problem is reported (not only the first), each with a stable code and its offset.
 */
export function parseSearchQuery(query: string, base: { limit?: number } = {}): ParseResult {
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      errors: [
        {
          code: "query_too_long",
          message: `A query has at most ${MAX_QUERY_LENGTH} characters.`,
          position: MAX_QUERY_LENGTH,
          length: query.length - MAX_QUERY_LENGTH,
        },
      ],
    };
  }
  const tokens = tokenize(query);
  const errors: QueryError[] = [];
  const draft: FilterDraft = {
    colors: [],
    resolutions: [],
    ratios: [],
    tags: { all: [], none: [], any: [] },
  };
  const all: string[] = [];
  const none: string[] = [];
  const any: string[][] = [];
  const either: string[] = [];
  const seen = new Set<string>();
  let seedToken: Token | undefined;
  let rangeToken: Token | undefined;
  let tagTerms = 0;

  const accept = (token: TagToken, into: string[]) => {
    tagTerms++;
    const name = tagError(token);
    if (typeof name === "string") {
      if (!into.includes(name)) into.push(name);
    } else errors.push(name);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "or") {
      errors.push(orError(token, "OR must stand between two tags, as in cat OR dog."));
    } else if (token.kind === "negated") {
      if (token.name.includes(":")) {
        errors.push({
          code: "negated_filter",
          message: "Filters cannot be negated; only tags can (-tag).",
          position: token.position,
          length: token.length,
        });
      } else accept(token, none);
    } else if (token.kind === "either") {
      accept(token, either);
    } else if (token.kind === "filter") {
      if (token.key === "seed") seedToken = token;
      if (token.key === "range") rangeToken = token;
      const error = applyFilter(token, draft, seen);
      if (error) errors.push(error);
    } else {
      // A tag, possibly the start of `a OR b OR c`.
      const group: string[] = [];
      let chained = false;
      accept(token, group);
      while (tokens[i + 1]?.kind === "or") {
        const operator = tokens[i + 1] as Token;
        const next = tokens[i + 2];
        if (next?.kind !== "tag") {
          errors.push(orError(operator, "OR must be followed by a tag (not a filter, a -tag or the end)."));
          i += 1;
          break;
        }
        accept(next, group);
        chained = true;
        i += 2;
      }
      if (!chained) {
        for (const name of group) if (!all.includes(name)) all.push(name);
      } else if (group.length > 0) any.push(group);
    }
  }
  if (either.length > 0) any.push(either);
  if (tagTerms > MAX_TAG_TERMS) {
    errors.push({
      code: "too_many_terms",
      message: `A query has at most ${MAX_TAG_TERMS} tags.`,
      position: 0,
      length: query.length,
    });
  }
  if (seedToken && draft.sort !== "random") {
    errors.push({
      code: "seed_without_random",
      message: "seed: only applies to sort:random.",
      position: seedToken.position,
      length: seedToken.length,
    });
  }
  if (rangeToken && draft.sort !== "top") {
    errors.push({
      code: "range_without_top",
      message: "range: only applies to sort:top.",
      position: rangeToken.position,
      length: rangeToken.length,
    });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.position - b.position) };

  const parsed = searchInput.safeParse({ ...draft, tags: { all, none, any }, limit: base.limit });
  if (parsed.success) return { ok: true, query: parsed.data };
  // The filters above check everything the schema does; this is a safety net, not an expected path.
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      code: "invalid_value",
      message: `${issue.path.join(".")}: ${issue.message}`,
      position: 0,
      length: query.length,
    })),
  };
}
