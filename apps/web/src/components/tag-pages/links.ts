import { emptyFilters, filtersToParams } from "../gallery/filters.ts";

/**
 * Where a tag leads: its page (`/tags/<name>`) and its gallery search (`/?tags=<name>`). The one home
 * for both, so a wallpaper's tags, chips, the tag pages and the index link alike. Pure.
 */
export function tagPageHref(name: string): string {
  return `/tags/${encodeURIComponent(name)}`;
}

/** The admin tag editor with this tag selected (curators; the editor keeps `?tag=` in step). */
export function tagEditHref(name: string): string {
  return `/admin/tags?${new URLSearchParams({ tag: name }).toString()}`;
}

export function tagSearchHref(name: string, sort: "newest" | "top" = "newest"): string {
  return `/?${filtersToParams({ ...emptyFilters, tags: [name], sort }).toString()}`;
}

// What the tag rules' normalizePrefix does to a name, closely enough to find it again in an address.
const canonical = (text: string) =>
  text
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, "_");

/**
 * The gallery address with one unknown tag replaced by a suggestion, wherever the visitor wrote it: in
 * the `tags` list or in the typed query (`q`), keeping a leading `-` (exclude) or `~` (or). One click on
 * a "did you mean" suggestion follows it. Pure.
 */
export function replaceTagInParams(
  params: URLSearchParams,
  unknown: string,
  suggestion: string,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const target = canonical(unknown);
  const swap = (term: string) => {
    const [, prefix = "", name = ""] = /^([-~]?)(.*)$/su.exec(term) ?? [];
    return canonical(name) === target ? `${prefix}${suggestion}` : term;
  };
  const tags = next.get("tags");
  if (tags !== null)
    next.set(
      "tags",
      tags
        .split(",")
        .map((term) => swap(term.trim()))
        .join(","),
    );
  const q = next.get("q");
  if (q !== null)
    next.set(
      "q",
      q
        .split(/(\s+)/u)
        .map((part) => (/^\s+$/u.test(part) ? part : swap(part)))
        .join(""),
    );
  return next;
}
