import { type TagCategory, tagCategories } from "@wallpaperdb/tags/categories";

/** The tag index's state lives in its address (`/tags?category=artist&sort=name&q=sky&page=2`). Pure. */
export type TagIndexSort = "count" | "name" | "newest";
export const TAG_INDEX_SORTS: readonly TagIndexSort[] = ["count", "name", "newest"];
export const TAG_INDEX_PAGE_SIZE = 60;

export interface TagIndexParams {
  category: TagCategory | null;
  sort: TagIndexSort;
  q: string;
  page: number;
}

type Raw = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function tagIndexParams(raw: Raw): TagIndexParams {
  const category = first(raw.category);
  const sort = first(raw.sort);
  const page = Number(first(raw.page));
  return {
    category: tagCategories.find((c) => c === category) ?? null,
    sort: TAG_INDEX_SORTS.find((s) => s === sort) ?? "count",
    q: first(raw.q).slice(0, 100),
    page: Number.isSafeInteger(page) && page > 1 ? Math.min(page, 1000) : 1,
  };
}

/** Only what differs from the defaults, so equal views have equal addresses; a new filter starts at page 1. */
export function tagIndexHref(params: TagIndexParams, patch: Partial<TagIndexParams> = {}): string {
  const next = { ...params, page: 1, ...patch };
  const search = new URLSearchParams();
  if (next.category) search.set("category", next.category);
  if (next.sort !== "count") search.set("sort", next.sort);
  if (next.q.trim()) search.set("q", next.q.trim());
  if (next.page > 1) search.set("page", String(next.page));
  const query = search.toString();
  return query ? `/tags?${query}` : "/tags";
}
