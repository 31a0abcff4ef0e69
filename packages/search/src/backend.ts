import type { Purity } from "@wallpaperdb/db/purity";
import type { ImageVariantKind } from "@wallpaperdb/imaging/variant-kinds";
import type { SearchFilters, SearchInput } from "./query/input.ts";
import type { ViewerScope } from "./viewer-scope.ts";

export interface CardVariant {
  kind: ImageVariantKind;
  format: string;
  width: number;
  height: number;
  contentHash: string;
  /** `/media/<id>/<kind>.<format>?v=<contentHash>`: changes whenever the bytes do */
  url: string;
}

/** What a gallery tile needs, identical whichever backend found it (cards are always read from PostgreSQL). */
export interface WallpaperCard {
  id: string;
  mediaType: "image" | "video";
  width: number;
  height: number;
  /** sfw, sketchy or nsfw: a tile marks the last two */
  purity: Purity;
  aspectName: string | null;
  orientation: string | null;
  qualityScore: number | null;
  thumbhash: string | null;
  /** how many accounts keep it (all time) */
  favoriteCount: number;
  /** counted views, one per visitor per day (all time) */
  viewCount: number;
  /** palette hex colors, dominant first */
  colors: string[];
  createdAt: Date;
  variants: CardVariant[];
  /**
   * A video's short muted preview (`/media/<id>/clip.<format>?v=<contentHash>`), for a tile that plays
   * on hover; null for images and for a video whose clip is not made yet.
   */
  clipUrl: string | null;
}

export interface SearchPage {
  items: WallpaperCard[];
  /** opaque; pass it back with the same input for the next page; null on the last page */
  nextCursor: string | null;
  total: number;
  /** true when `total` is an estimate (too many matches to count cheaply) */
  totalIsEstimate: boolean;
  /** the seed a random order used: send it back (with the cursor) to keep the order */
  seed: number | null;
  /** tag names that are neither a tag nor an alias (a required unknown tag matches nothing) */
  unknownTags: string[];
}

export type SimilarMatch =
  | { kind: "near_duplicate"; hammingDistance: number }
  | { kind: "content"; contentDistance: number }
  | { kind: "palette"; paletteDistance: number };

export interface SimilarItem {
  card: WallpaperCard;
  match: SimilarMatch;
}

/**
 * The search port: PostgreSQL by default, OpenSearch at scale; one contract suite for both. Every list
 * takes the viewer's scope (purities shown, tag blacklist; viewer-scope.ts) and applies it itself;
 * without one it shows what an anonymous visitor may see.
 */
export interface SearchBackend {
  readonly name: "postgres" | "opensearch";
  search(input: SearchInput, cursor?: string | null, scope?: ViewerScope): Promise<SearchPage>;
  /**
   * near-duplicates (pHash) first, then close in content (the classify step's embedding), then visually
   * close (palette), within the scope; null when the
   * wallpaper itself is not visible (whether this viewer may open it is the wallpaper domain's rule)
   */
  similar(wallpaperId: string, limit: number, scope?: ViewerScope): Promise<SimilarItem[] | null>;
  /** one wallpaper matching the filters, chosen by the seed (a random one without a seed) */
  random(filters: SearchFilters, seed?: number, scope?: ViewerScope): Promise<WallpaperCard | null>;
  /** (re)index one wallpaper: a no-op where PostgreSQL is the index */
  index(wallpaperId: string): Promise<void>;
  /** (re)index several in one batch; those no longer visible are removed from the index */
  indexMany(wallpaperIds: readonly string[]): Promise<void>;
  /** take wallpapers out of the index in one batch; ids it does not hold are fine */
  remove(wallpaperIds: readonly string[]): Promise<void>;
  /** rebuild the whole index; returns how many wallpapers it holds */
  reindexAll(): Promise<number>;
  close?(): Promise<void>;
}
