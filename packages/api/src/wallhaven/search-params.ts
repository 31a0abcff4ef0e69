import { purities } from "@wallpaperdb/db/purity";
import { DEFAULT_TOP_RANGE, parseTopRange, type TopRange } from "@wallpaperdb/search/query";
import { badParameter, unsupportedParameter } from "./errors.ts";
import { SEED_PATTERN, seedNumber } from "./seed.ts";

/** wallhaven's page size; its settings can change it, ours have no such setting (docs/wallhaven-api.md). */
export const WALLHAVEN_PER_PAGE = 24;
/** Pages are walked by keyset cursor from the first, so deep pages are capped (about 40 cursor steps). */
export const MAX_WALLHAVEN_OFFSET = 4000;

/**
 * A wallhaven search as WallpaperDB query terms. Only wallhaven's own spellings are rewritten here;
 * the terms then go through the one query parser (`parseSearchQuery`, behind `wallpaper.search`), which
 * checks every value, so a term such as `color:red` in `q` keeps working too.
 */
export interface WallhavenSearch {
  terms: string[];
  /** `id:<n>` in q: tag ids to search by, resolved to names by the caller */
  tagIds: number[];
  page: number;
  /** the seed as the client wrote it (echoed in meta.seed), or null to let the search pick one */
  seed: string | null;
  random: boolean;
  /** wallhaven's categories without "general": WallpaperDB files every wallpaper as general */
  matchesNothing: boolean;
}

const sortTerms: Record<string, (topRange: TopRange) => string[]> = {
  date_added: () => ["sort:newest"],
  relevance: () => ["sort:relevance"],
  random: () => ["sort:random"],
  // WallpaperDB ranks popularity by one score (views + 10 x favourites, top-scores.ts): the longest
  // top list is the closest thing to "most viewed" or "most favourited" of all time.
  views: () => ["sort:top", "range:1y"],
  favorites: () => ["sort:top", "range:1y"],
  toplist: (range) => ["sort:top", `range:${range}`],
};

function bits(name: string, value: string): boolean[] {
  if (!/^[01]{3}$/u.test(value)) throw badParameter(name, `${name} is three bits such as 100 or 110.`);
  return [...value].map((bit) => bit === "1");
}

function single(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  if (value === null || value === "") return null;
  // A value is one term of the query; a space would smuggle in another.
  if (/\s/u.test(value)) throw badParameter(name, `${name} cannot contain spaces.`);
  return value;
}

/** One word of wallhaven's q: `+tag`, `-tag`, `@user`, `id:1`, `type:png`, `like:<id>`, or a term of ours. */
function qTerm(word: string, search: WallhavenSearch, terms: string[]): void {
  const [key, ...rest] = word.split(":");
  const value = rest.join(":");
  if (word.startsWith("+") && word.length > 1) terms.push(word.slice(1));
  else if (word.startsWith("@") && word.length > 1) terms.push(`uploader:${word.slice(1)}`);
  else if (key === "id" && rest.length > 0) {
    if (!/^\d{1,9}$/u.test(value)) throw badParameter("q", "id: takes a tag id, as in id:1.");
    search.tagIds.push(Number(value));
  } else if (key === "type" && /^(png|jpe?g)$/iu.test(value)) {
    // WallpaperDB filters by media type, not by file format: png and jpg both mean "an image".
    terms.push("type:image");
  } else if (key === "like" && rest.length > 0) terms.push(`sort:similar:${value}`);
  else terms.push(word);
}

function ratioTerms(value: string): string[] {
  const ratios = value.split(",").filter((ratio) => ratio.length > 0);
  const orientations = ratios.filter((ratio) => ratio === "landscape" || ratio === "portrait");
  if (orientations.length === 0) return [`ratio:${ratios.join(",")}`];
  if (orientations.length !== ratios.length) {
    throw unsupportedParameter(
      "ratios",
      "ratios takes either landscape/portrait or ratios such as 16x9, not both.",
    );
  }
  // Both orientations together are every wallpaper but the square ones; wallhaven means "any" by it.
  return new Set(orientations).size === 2 ? [] : [`orientation:${orientations[0]}`];
}

/** `?q=+cat -dog&purity=110&sorting=toplist&topRange=1w&page=2` → the equivalent WallpaperDB search. */
export function translateSearchParams(params: URLSearchParams): WallhavenSearch {
  const search: WallhavenSearch = {
    terms: [],
    tagIds: [],
    page: 1,
    seed: null,
    random: false,
    matchesNothing: false,
  };
  const queryTerms: string[] = [];
  for (const word of (params.get("q") ?? "").split(/\s+/u))
    if (word.length > 0) qTerm(word, search, queryTerms);

  const filterTerms: string[] = [];
  const categories = single(params, "categories");
  if (categories !== null) search.matchesNothing = !bits("categories", categories)[0];
  const purity = single(params, "purity");
  if (purity !== null) {
    const chosen = purities.filter((_, index) => bits("purity", purity)[index]);
    if (chosen.length === 0) throw badParameter("purity", "purity needs at least one bit set (100 is sfw).");
    filterTerms.push(`purity:${chosen.join(",")}`);
  }
  const atleast = single(params, "atleast");
  if (atleast !== null) filterTerms.push(`atleast:${atleast}`);
  const resolutions = single(params, "resolutions");
  if (resolutions !== null) filterTerms.push(`res:${resolutions}`);
  const ratios = single(params, "ratios");
  if (ratios !== null) filterTerms.push(...ratioTerms(ratios));
  const colors = single(params, "colors");
  if (colors !== null) filterTerms.push(`color:${colors}`);

  const order = single(params, "order");
  if (order !== null && order !== "desc") {
    if (order === "asc") throw unsupportedParameter("order", "WallpaperDB lists in descending order only.");
    throw badParameter("order", "order is desc or asc.");
  }
  const sorting = single(params, "sorting") ?? "date_added";
  const sortOf = sortTerms[sorting];
  if (!sortOf) throw badParameter("sorting", `sorting is one of ${Object.keys(sortTerms).join(", ")}.`);
  const likes = queryTerms.some((term) => term.startsWith("sort:similar:"));
  if (!likes) {
    const rangeText = sorting === "toplist" ? single(params, "topRange") : null;
    const range = rangeText === null ? DEFAULT_TOP_RANGE : parseTopRange(rangeText);
    if (range === null) throw badParameter("topRange", "topRange is one of 1d, 3d, 1w, 1M, 3M, 6M, 1y.");
    filterTerms.push(...sortOf(range));
  }
  search.random = !likes && sorting === "random";
  const seed = single(params, "seed");
  if (seed !== null && search.random) {
    if (!SEED_PATTERN.test(seed)) throw badParameter("seed", "seed is six letters or digits, as in abc123.");
    search.seed = seed;
    filterTerms.push(`seed:${seedNumber(seed)}`);
  }

  const page = single(params, "page");
  if (page !== null) {
    search.page = Number(page);
    if (!/^\d{1,6}$/u.test(page) || search.page < 1)
      throw badParameter("page", "page is a whole number from 1.");
    if ((search.page - 1) * WALLHAVEN_PER_PAGE > MAX_WALLHAVEN_OFFSET) {
      throw unsupportedParameter(
        "page",
        `WallpaperDB pages a search up to item ${MAX_WALLHAVEN_OFFSET}; narrow the search.`,
      );
    }
  }
  search.terms = [...queryTerms, ...filterTerms];
  return search;
}
