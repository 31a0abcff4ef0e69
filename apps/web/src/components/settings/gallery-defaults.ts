import type { AccountSettings } from "@wallpaperdb/wallpapers/settings-shape";
import { type GalleryFilters, SORTS } from "../gallery/filters.ts";

type Params = { has(name: string): boolean };

/**
 * The account's gallery defaults (minimum resolution, ratios, sort) for what the gallery's address
 * leaves unsaid: an address that names a filter keeps it, so shared links mean the same for everyone.
 * Pure; the gallery page applies it on the server.
 */
export function withAccountDefaults(
  filters: GalleryFilters,
  params: Params,
  settings: Pick<AccountSettings, "minResolution" | "ratios" | "defaultSort"> | null,
): GalleryFilters {
  if (!settings) return filters;
  const next = { ...filters };
  if (!params.has("atleast") && settings.minResolution) {
    next.atleast = `${settings.minResolution.width}x${settings.minResolution.height}`;
  }
  if (!params.has("ratio") && settings.ratios.length > 0) {
    next.ratios = settings.ratios.map((ratio) => ratio.replace(":", "x"));
  }
  const sort = SORTS.find((order) => order === settings.defaultSort);
  if (!params.has("sort") && sort) next.sort = sort;
  return next;
}
