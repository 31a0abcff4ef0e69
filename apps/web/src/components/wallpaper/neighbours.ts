/** Where a wallpaper sits in the loaded part of a search, and what ←/→ lead to. */
export interface Neighbours {
  index: number;
  previous: string | null;
  next: string | null;
  /** Close enough to the end of what is loaded that the next page should be fetched now. */
  nearEnd: boolean;
}

/** How many wallpapers before the end of the loaded pages the next page is requested. */
export const LOAD_AHEAD = 3;

/** The neighbours of `id` in the search's loaded order, or null when it is not part of it. */
export function neighboursOf(ids: readonly string[], id: string): Neighbours | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  return {
    index,
    previous: ids[index - 1] ?? null,
    next: ids[index + 1] ?? null,
    nearEnd: index >= ids.length - 1 - LOAD_AHEAD,
  };
}

export type Direction = "previous" | "next";

/**
 * A touch that ends as a swipe: long enough and mostly sideways (nothing on the page scrolls sideways, so
 * a slow stroke means the same as a quick one). A finger moving right brings the previous wallpaper (the
 * page follows the finger), left the next one.
 */
export function swipeDirection(dx: number, dy: number): Direction | null {
  if (Math.abs(dx) < 50 || Math.abs(dy) > Math.abs(dx) * 0.6) return null;
  return dx < 0 ? "next" : "previous";
}
