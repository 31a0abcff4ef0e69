import type { Purity } from "@wallpaperdb/db/purity";
import { type TagCategory, tagCategories, tagCategoryInfo } from "@wallpaperdb/tags/categories";

/** What every wallpaper in a wallhaven listing carries (search, collection listing). */
export interface WallhavenListingItem {
  id: string;
  url: string;
  short_url: string;
  views: number;
  favorites: number;
  source: string;
  purity: Purity;
  category: "general";
  dimension_x: number;
  dimension_y: number;
  resolution: string;
  ratio: string;
  file_size: number;
  file_type: string;
  created_at: string;
  colors: string[];
  path: string;
  thumbs: { large: string; original: string; small: string };
}

export interface WallhavenTag {
  id: number;
  name: string;
  alias: string;
  category_id: number;
  category: string;
  purity: "sfw";
  created_at: string;
}

/** The facts a listing item is made of: a search card plus the original file's size and type. */
export interface ListingSource {
  id: string;
  width: number;
  height: number;
  purity: Purity;
  viewCount: number;
  favoriteCount: number;
  colors: string[];
  createdAt: Date;
  sizeBytes: number;
  mimeType: string;
}

/** wallhaven writes times as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function wallhavenDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/** Width over height with at most two decimals, as wallhaven writes it ("1.78", "0.56", "1"). */
export function wallhavenRatio(width: number, height: number): string {
  return String(Math.round((width / height) * 100) / 100);
}

/**
 * A wallpaper as a wallhaven listing item. Ids are WallpaperDB's UUIDs (wallhaven clients treat ids as
 * opaque strings); `path` is the original file, the thumbs are our preview sizes as JPEG (the media
 * route renders a JPEG on first request), all absolute from the public origin.
 */
export function listingItem(source: ListingSource, origin: string): WallhavenListingItem {
  const media = `${origin}/media/${source.id}`;
  return {
    id: source.id,
    url: `${origin}/wallpapers/${source.id}`,
    short_url: `${origin}/wallpapers/${source.id}`,
    views: source.viewCount,
    favorites: source.favoriteCount,
    // WallpaperDB keeps no source link for a wallpaper.
    source: "",
    purity: source.purity,
    category: "general",
    dimension_x: source.width,
    dimension_y: source.height,
    resolution: `${source.width}x${source.height}`,
    ratio: wallhavenRatio(source.width, source.height),
    file_size: source.sizeBytes,
    file_type: source.mimeType,
    created_at: wallhavenDate(source.createdAt),
    colors: source.colors,
    path: `${media}/original`,
    thumbs: {
      large: `${media}/medium.jpeg`,
      original: `${media}/preview.jpeg`,
      small: `${media}/thumb.jpeg`,
    },
  };
}

/** A tag as wallhaven shows it; WallpaperDB tags have no purity of their own, so every tag is sfw. */
export function wallhavenTag(tag: {
  id: number;
  name: string;
  category: TagCategory;
  aliases: readonly string[];
  createdAt: Date;
}): WallhavenTag {
  return {
    id: tag.id,
    name: tag.name,
    alias: tag.aliases.join(", "),
    category_id: tagCategories.indexOf(tag.category) + 1,
    category: tagCategoryInfo[tag.category].label,
    purity: "sfw",
    created_at: wallhavenDate(tag.createdAt),
  };
}

/** wallhaven's paging block; `seed` is set for a random order only. */
export function pageMeta(
  page: number,
  perPage: number,
  total: number,
  extra: { query?: unknown; seed?: string | null } = {},
) {
  return {
    current_page: page,
    last_page: Math.max(1, Math.ceil(total / perPage)),
    per_page: perPage,
    total,
    ...extra,
  };
}
