import type { TagRequestKind, TagRequestStatus } from "@wallpaperdb/tags/requests-rules";

/** The filters of /tags/requests, in the order of its tabs; "mine" is the signed-in author's own. */
export const requestFilters = ["all", "pending", "approved", "rejected", "withdrawn", "mine"] as const;
export type RequestFilter = (typeof requestFilters)[number];

export function parseRequestFilter(raw: unknown): RequestFilter {
  return requestFilters.find((filter) => filter === raw) ?? "all";
}

export const filterLabels: Record<RequestFilter, string> = {
  all: "All",
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  mine: "My requests",
};

export const kindLabels: Record<TagRequestKind, string> = { alias: "Alias", implication: "Implication" };

/** What the arrow means, said once per kind for people new to Danbooru's vocabulary. */
export const kindHints: Record<TagRequestKind, string> = {
  alias: "the first name becomes another name of the second tag",
  implication: "every wallpaper with the first tag also gets the second",
};

export const statusBadges: Record<TagRequestStatus, string> = {
  pending: "badge badge-pending",
  approved: "badge badge-ok",
  rejected: "badge badge-bad",
  withdrawn: "badge",
};

/** Who did it and when; decided-by names the curator, or the author for a withdrawal. */
export const decisionVerbs: Record<Exclude<TagRequestStatus, "pending">, string> = {
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const REQUESTS_PAGE_SIZE = 25;

/** The list input for a filter and page: the server page prefetches exactly what the list asks for. */
export function requestListInput(filter: RequestFilter, page: number) {
  return {
    ...(filter === "all" || filter === "mine" ? {} : { status: filter }),
    limit: REQUESTS_PAGE_SIZE,
    offset: (page - 1) * REQUESTS_PAGE_SIZE,
  };
}
