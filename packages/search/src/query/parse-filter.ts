import { normalizeColor } from "./colors.ts";
import type { QueryError } from "./errors.ts";
import {
  MAX_COLORS,
  MAX_LIST_VALUES,
  MAX_SEED,
  mediaTypes,
  orientations,
  type SearchInputDraft,
} from "./input.ts";
import { purityFilter } from "./purity.ts";
import { isValidSince } from "./since.ts";
import type { Token } from "./tokenize.ts";
import { topRangeFilter } from "./top-range.ts";
import { uploaderFilter } from "./uploader.ts";

type FilterToken = Extract<Token, { kind: "filter" }>;
type Draft = SearchInputDraft & {
  colors: string[];
  resolutions: { width: number; height: number }[];
  ratios: string[];
};
type Apply = (value: string, draft: Draft) => string | null;

const SIZE = /^(\d{1,6})[x×](\d{1,6})$/iu;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function parseSize(value: string): { width: number; height: number } | null {
  const match = SIZE.exec(value);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  return match && width > 0 && height > 0 ? { width, height } : null;
}

function list(value: string): string[] {
  return value.split(",").filter((item) => item.length > 0);
}

function quality(value: string, draft: Draft): string | null {
  const match = /^(>=)?(\d{1,3}(\.\d+)?)$/u.exec(value);
  const score = Number(match?.[2]);
  if (!match || score > 100) return "quality is a score from 0 to 100, written quality:>=60 or quality:60";
  draft.minQuality = score;
  return null;
}

/** Each filter sets its part of the draft, or returns why the value is wrong. */
const filters: Record<string, { repeatable: boolean; apply: Apply }> = {
  atleast: {
    repeatable: false,
    apply(value, draft) {
      const size = parseSize(value);
      if (!size) return "atleast takes a size such as 2560x1440";
      draft.atleast = size;
      return null;
    },
  },
  res: {
    repeatable: true,
    apply(value, draft) {
      const sizes = list(value).map(parseSize);
      if (sizes.length === 0 || sizes.some((size) => size === null))
        return "res takes sizes such as 1920x1080,3840x2160";
      for (const size of sizes) if (size) draft.resolutions.push(size);
      return draft.resolutions.length > MAX_LIST_VALUES ? `at most ${MAX_LIST_VALUES} resolutions` : null;
    },
  },
  ratio: {
    repeatable: true,
    apply(value, draft) {
      const ratios = list(value);
      if (ratios.length === 0 || ratios.some((ratio) => !/^\d{1,3}[x:]\d{1,3}$/u.test(ratio))) {
        return "ratio takes ratios such as 16x9,21x9 (or 16:9)";
      }
      draft.ratios.push(...ratios.map((ratio) => ratio.replace("x", ":")));
      return draft.ratios.length > MAX_LIST_VALUES ? `at most ${MAX_LIST_VALUES} ratios` : null;
    },
  },
  orientation: {
    repeatable: false,
    apply(value, draft) {
      const wanted = value.toLowerCase();
      const match = orientations.find((orientation) => orientation === wanted);
      if (!match) return `orientation is one of ${orientations.join(", ")}`;
      draft.orientation = match;
      return null;
    },
  },
  type: {
    repeatable: false,
    apply(value, draft) {
      const wanted = value.toLowerCase();
      const match = mediaTypes.find((type) => type === wanted);
      if (!match) return `type is one of ${mediaTypes.join(", ")}`;
      draft.mediaType = match;
      return null;
    },
  },
  quality: { repeatable: false, apply: quality },
  color: {
    repeatable: true,
    apply(value, draft) {
      const colors = list(value).map(normalizeColor);
      if (colors.length === 0 || colors.some((color) => color === null)) {
        return "color takes hex colors (ff0000) or palette names (red, dark_blue), comma-separated";
      }
      for (const color of colors) if (color && !draft.colors.includes(color)) draft.colors.push(color);
      return draft.colors.length > MAX_COLORS ? `at most ${MAX_COLORS} colors` : null;
    },
  },
  since: {
    repeatable: false,
    apply(value, draft) {
      if (!isValidSince(value))
        return "since takes a date (2026-01-01) or an age such as 7d, 12h, 2w, 3m, 1y";
      draft.since = value;
      return null;
    },
  },
  sort: {
    repeatable: false,
    apply(value, draft) {
      const [order, ...rest] = value.split(":");
      const argument = rest.join(":");
      if (order === "similar") {
        if (!UUID.test(argument)) return "sort:similar needs a wallpaper id, as in sort:similar:<id>";
        draft.sort = "similar";
        draft.similarTo = argument.toLowerCase();
        return null;
      }
      if (argument.length > 0) return `sort:${order} takes no argument`;
      if (
        order === "newest" ||
        order === "quality" ||
        order === "relevance" ||
        order === "random" ||
        order === "top"
      ) {
        draft.sort = order;
        return null;
      }
      return "sort is one of newest, quality, relevance, random, top, similar:<id>";
    },
  },
  uploader: uploaderFilter,
  range: topRangeFilter,
  purity: purityFilter,
  seed: {
    repeatable: false,
    apply(value, draft) {
      const seed = Number(value);
      if (!/^\d{1,10}$/u.test(value) || seed > MAX_SEED)
        return `seed is a whole number from 0 to ${MAX_SEED}`;
      draft.seed = seed;
      return null;
    },
  },
};

const aliases: Record<string, string> = {
  resolution: "res",
  resolutions: "res",
  ratios: "ratio",
  minquality: "quality",
  colors: "color",
  colour: "color",
  order: "sort",
};

export const filterNames: readonly string[] = [...Object.keys(filters), ...Object.keys(aliases)];

/** Applies one `key:value` term to the draft; `seen` catches a second value for a single-valued filter. */
export function applyFilter(token: FilterToken, draft: Draft, seen: Set<string>): QueryError | null {
  const name = aliases[token.key] ?? token.key;
  const filter = filters[name];
  const at = { position: token.position, length: token.length };
  if (!filter) {
    return {
      code: "unknown_filter",
      message: `Unknown filter "${token.key}:". Known: ${Object.keys(filters).join(", ")}.`,
      ...at,
    };
  }
  if (token.value.length === 0)
    return { code: "missing_value", message: `${token.key}: needs a value.`, ...at };
  if (!filter.repeatable && seen.has(name)) {
    return { code: "duplicate_filter", message: `${name}: may appear only once.`, ...at };
  }
  seen.add(name);
  const problem = filter.apply(token.value, draft);
  if (problem === null) return null;
  return {
    code: "invalid_value",
    message: problem,
    position: token.valuePosition,
    length: token.length - (token.valuePosition - token.position),
  };
}

export type { Draft as FilterDraft };
