import { z } from "zod";
import { normalizeColor } from "./colors.ts";
import { purityField } from "./purity.ts";
import { isValidSince } from "./since.ts";
import { type TopRange, topRanges } from "./top-range.ts";
import { uploaderField } from "./uploader.ts";

export const sortOrders = ["newest", "quality", "relevance", "random", "similar", "top"] as const;
export type SortOrder = (typeof sortOrders)[number];
export const orientations = ["landscape", "portrait", "square"] as const;
export const mediaTypes = ["image", "video"] as const;

export const MAX_TAG_TERMS = 30;
export const MAX_LIST_VALUES = 12;
export const MAX_COLORS = 4;
export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;
export const MAX_SEED = 2_147_483_647;

const tagName = z.string().trim().min(1).max(100);
const dimension = z.number().int().min(1).max(100_000);
const size = z.object({ width: dimension, height: dimension }).strict();
const ratio = z
  .string()
  .regex(/^\d{1,3}[:x]\d{1,3}$/u, "a ratio is written 16:9 or 16x9")
  .transform((value) => value.replace("x", ":"));
const color = z.string().transform((value, ctx) => {
  const normalized = normalizeColor(value);
  if (normalized === null) {
    ctx.addIssue({ code: "custom", message: `"${value}" is neither a hex color nor a palette color name` });
    return z.NEVER;
  }
  return normalized;
});

/**
 * The canonical form of a search: the typed tRPC input, and what `parseSearchQuery` turns a query
 * string into. Tag names are kept as written; aliases are resolved when the search runs, so a query
 * saved in a URL follows later alias changes.
 */
export const searchFilters = z
  .object({
    tags: z
      .object({
        /** every one of these */
        all: z.array(tagName).max(MAX_TAG_TERMS).default([]),
        /** none of these */
        none: z.array(tagName).max(MAX_TAG_TERMS).default([]),
        /** for each group, at least one of its tags */
        any: z.array(z.array(tagName).min(1).max(MAX_TAG_TERMS)).max(MAX_LIST_VALUES).default([]),
      })
      .strict()
      .default({ all: [], none: [], any: [] }),
    /** width and height at least these */
    atleast: size.optional(),
    /** exactly one of these sizes */
    resolutions: z.array(size).max(MAX_LIST_VALUES).default([]),
    /** one of these named aspect ratios ("16:9"; portrait images are "9:16") */
    ratios: z.array(ratio).max(MAX_LIST_VALUES).default([]),
    orientation: z.enum(orientations).optional(),
    mediaType: z.enum(mediaTypes).optional(),
    /** quality score (0-100) at least this */
    minQuality: z.number().min(0).max(100).optional(),
    /** every one of these colors covers a noticeable part of the image (perceptual OKLab distance) */
    colors: z.array(color).max(MAX_COLORS).default([]),
    /** uploaded at or after: `2026-01-01`, an ISO timestamp, or an age such as `7d` */
    since: z.string().refine(isValidSince, "expected a date (2026-01-01) or an age such as 7d").optional(),
    /** uploaded by the account with this handle (`uploader:<username>`) */
    uploader: uploaderField.optional(),
    /** only these purities (`purity:sfw,sketchy`), within what the viewer may see */
    purity: purityField.optional(),
  })
  .strict();

const searchInputShape = searchFilters
  .extend({
    sort: z.enum(sortOrders).default("newest"),
    /** the wallpaper to compare with when sort is "similar" */
    similarTo: z.uuid().optional(),
    /** random order seed; the same seed gives the same order, page after page */
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
    /** the top list's range (sort "top"; `range:1w`), default 1M */
    range: z.enum(topRanges as [TopRange, ...TopRange[]]).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();

function similarNeedsTarget(
  input: { sort: SortOrder; similarTo?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (input.sort === "similar" && input.similarTo === undefined) {
    ctx.addIssue({ code: "custom", path: ["similarTo"], message: "sort similar needs similarTo" });
  }
}

export const searchInput = searchInputShape.superRefine(similarNeedsTarget);

/**
 * Which page a tRPC search request asks for. tRPC's infinite queries (the gallery) send the direction
 * they page in beside the cursor; search only pages forward, so that is all it accepts, and it is
 * dropped after validation.
 */
const page = { cursor: z.string().max(400).nullish(), direction: z.literal("forward").optional() };

function withoutDirection<T extends { direction?: "forward" | undefined }>({
  direction: _,
  ...request
}: T): Omit<T, "direction"> {
  return request;
}

/** The typed form of a tRPC search request: the input plus the page to fetch. */
export const typedSearchRequest = searchInputShape
  .extend(page)
  .superRefine(similarNeedsTarget)
  .transform(withoutDirection);

/** The query-string form of a tRPC search request. */
export const querySearchRequest = z
  .object({ q: z.string(), limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(), ...page })
  .strict()
  .transform(withoutDirection);

/** What callers send (defaults optional). */
export type SearchInputDraft = z.input<typeof searchInput>;
/** After validation: every default filled in, colors as #rrggbb, ratios as w:h. */
export type SearchInput = z.output<typeof searchInput>;
export type SearchFilters = z.output<typeof searchFilters>;
export type SearchFiltersDraft = z.input<typeof searchFilters>;
