/**
 * The gallery's filter state lives in the URL (`/?tags=cat,-dog&color=0066cc&ratio=16x9&sort=random&seed=7`)
 * so any view can be shared and reloaded; it becomes one query string for `wallpaper.search`, the same
 * language people can type into the query box. Pure: used by the server page and the client alike.
 */
import { parseTopRange, type TopRange } from "@wallpaperdb/search/top-range";

export type Sort = "newest" | "quality" | "relevance" | "random" | "top";
export type Orientation = "landscape" | "portrait" | "square";
export type MediaKind = "image" | "video";

export interface GalleryFilters {
  tags: string[];
  colors: string[];
  ratios: string[];
  atleast: string | null;
  orientation: Orientation | null;
  type: MediaKind | null;
  minQuality: number | null;
  sort: Sort;
  seed: number | null;
  /** The top list's range (`sort=top&range=1w`); null is the default month. */
  range: TopRange | null;
  /** Free query-language text, for anything the controls do not cover. */
  q: string;
}

export const SORTS: readonly Sort[] = ["newest", "quality", "relevance", "random", "top"];
export const RATIOS = ["16x9", "16x10", "21x9", "32x9", "4x3", "3x2", "5x4", "1x1", "9x16", "10x16"] as const;
export const RESOLUTIONS = ["1920x1080", "2560x1440", "3840x2160", "5120x2880", "7680x4320"] as const;
export const QUALITIES = [40, 60, 75, 90] as const;

export const emptyFilters: GalleryFilters = {
  tags: [],
  colors: [],
  ratios: [],
  atleast: null,
  orientation: null,
  type: null,
  minQuality: null,
  sort: "newest",
  seed: null,
  range: null,
  q: "",
};

type Params = { get(name: string): string | null };

function list(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((item) => item === value) ?? null;
}

export function filtersFromParams(params: Params): GalleryFilters {
  const quality = Number(params.get("quality"));
  const seed = Number(params.get("seed"));
  const atleast = params.get("atleast");
  const sort = oneOf(params.get("sort"), SORTS) ?? "newest";
  return {
    tags: list(params.get("tags")),
    colors: list(params.get("color")).map((c) => c.replace(/^#/, "").toLowerCase()),
    ratios: list(params.get("ratio")),
    atleast: atleast && /^\d{2,5}x\d{2,5}$/.test(atleast) ? atleast : null,
    orientation: oneOf(params.get("orientation"), ["landscape", "portrait", "square"] as const),
    type: oneOf(params.get("type"), ["image", "video"] as const),
    minQuality: Number.isFinite(quality) && quality > 0 ? Math.min(100, quality) : null,
    sort,
    seed: Number.isSafeInteger(seed) && seed > 0 ? seed : null,
    range: sort === "top" ? parseTopRange(params.get("range") ?? "") : null,
    q: (params.get("q") ?? "").slice(0, 500),
  };
}

/** Only what differs from the defaults, in a stable order, so equal views have equal URLs. */
export function filtersToParams(filters: GalleryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.tags.length) params.set("tags", filters.tags.join(","));
  if (filters.colors.length) params.set("color", filters.colors.join(","));
  if (filters.ratios.length) params.set("ratio", filters.ratios.join(","));
  if (filters.atleast) params.set("atleast", filters.atleast);
  if (filters.orientation) params.set("orientation", filters.orientation);
  if (filters.type) params.set("type", filters.type);
  if (filters.minQuality !== null) params.set("quality", String(filters.minQuality));
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  if (filters.sort === "random" && filters.seed !== null) params.set("seed", String(filters.seed));
  if (filters.sort === "top" && filters.range !== null) params.set("range", filters.range);
  return params;
}

/** The query-language string `wallpaper.search` parses (see packages/search README). */
export function filtersToQuery(filters: GalleryFilters): string {
  const terms: string[] = [...filters.tags];
  if (filters.atleast) terms.push(`atleast:${filters.atleast}`);
  if (filters.ratios.length) terms.push(`ratio:${filters.ratios.join(",")}`);
  if (filters.orientation) terms.push(`orientation:${filters.orientation}`);
  if (filters.type) terms.push(`type:${filters.type}`);
  if (filters.minQuality !== null) terms.push(`quality:>=${filters.minQuality}`);
  if (filters.colors.length) terms.push(`color:${filters.colors.join(",")}`);
  if (filters.sort !== "newest") terms.push(`sort:${filters.sort}`);
  if (filters.sort === "random" && filters.seed !== null) terms.push(`seed:${filters.seed}`);
  if (filters.sort === "top" && filters.range !== null) terms.push(`range:${filters.range}`);
  if (filters.q.trim()) terms.push(filters.q.trim());
  return terms.join(" ");
}

export function activeFilterCount(filters: GalleryFilters): number {
  const { tags, colors, ratios, atleast, orientation, type, minQuality, q } = filters;
  return (
    tags.length +
    colors.length +
    ratios.length +
    [atleast, orientation, type, minQuality].filter((v) => v !== null).length +
    (q.trim() ? 1 : 0)
  );
}

// Two and a half screens of medium tiles on a desktop: the next page starts loading (800 px ahead) only once
// the user scrolls, so the first page's last, partial row never re-justifies in view (a layout shift).
export const PAGE_SIZE = 60;

/**
 * A swatch click: one colour per click replaces the colour filter (a second click on the only colour clears
 * it); `add` (shift-click, or "+ add colour") toggles the colour in the set, whose colours must all appear.
 */
export function pickColor(colors: string[], hex: string, add: boolean): string[] {
  if (add) return colors.includes(hex) ? colors.filter((c) => c !== hex) : [...colors, hex];
  return colors.length === 1 && colors[0] === hex ? [] : [hex];
}
