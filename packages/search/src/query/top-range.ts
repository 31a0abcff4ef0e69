/**
 * The top list's ranges, as wallhaven writes them (`1M` a month, `1y` a year), with the days each
 * spans. Days are whole UTC days including today, so `1d` is today's views and favourites. The
 * popularity refresh (../top-scores.ts) keeps one score per range; the database's
 * check constraint on wallpaper_top_scores.range lists the same names (migration 0019). Pure and
 * dependency-free: the gallery's filter bar imports it in the browser (`@wallpaperdb/search/top-range`).
 */
export const topRangeDays = {
  "1d": 1,
  "3d": 3,
  "1w": 7,
  "1M": 30,
  "3M": 90,
  "6M": 180,
  "1y": 365,
} as const;

export type TopRange = keyof typeof topRangeDays;
export const topRanges = Object.keys(topRangeDays) as TopRange[];
/** wallhaven's default toplist range. */
export const DEFAULT_TOP_RANGE: TopRange = "1M";

/** `range:1w`; months may be typed `1m` too (there is no minute range to confuse them with). */
export function parseTopRange(value: string): TopRange | null {
  const month = /^(\d)m$/u.exec(value);
  const candidate = month ? `${month[1]}M` : value;
  return topRanges.find((range) => range === candidate) ?? null;
}

export const topRangeFilter = {
  repeatable: false,
  apply(value: string, draft: { range?: TopRange | undefined }): string | null {
    const range = parseTopRange(value);
    if (!range) return `range is one of ${topRanges.join(", ")} (used with sort:top)`;
    draft.range = range;
    return null;
  },
};

/** Which range a top list uses: the one asked for, else the default. */
export function effectiveTopRange(range: TopRange | undefined): TopRange {
  return range ?? DEFAULT_TOP_RANGE;
}

/** The UTC day a moment belongs to, as PostgreSQL's `date` text: views and top ranges count UTC days. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
