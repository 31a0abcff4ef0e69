import type { Purity } from "@wallpaperdb/db/purity";
import { DEFAULT_TOP_RANGE } from "@wallpaperdb/search/query";
import { WALLHAVEN_PER_PAGE } from "./search-params.ts";

/** The parts of an account's settings (`settings.get`) that wallhaven's settings object has a field for. */
export interface SettingsSource {
  purities: Purity[];
  blacklist: { name: string }[];
  ratios: string[];
  tileSize: "small" | "medium" | "large" | null;
}

// wallhaven's thumb sizes are small, lg and orig; our tile sizes map onto them by size.
const thumbSizes = { small: "small", medium: "lg", large: "orig" } as const;

/**
 * wallhaven's `/settings` object (its values are strings, as wallhaven sends them). What WallpaperDB
 * has no setting for answers wallhaven's default: every result page is 24, only the general category,
 * no exact-resolution list (our minimum resolution has no field here), the default top range, no user
 * blacklist.
 */
export function wallhavenSettings(settings: SettingsSource) {
  return {
    thumb_size: settings.tileSize === null ? "orig" : thumbSizes[settings.tileSize],
    per_page: String(WALLHAVEN_PER_PAGE),
    purity: settings.purities,
    categories: ["general"],
    resolutions: [] as string[],
    aspect_ratios: settings.ratios.map((ratio) => ratio.replace(":", "x")),
    toplist_range: DEFAULT_TOP_RANGE,
    tag_blacklist: settings.blacklist.map((tag) => tag.name),
    user_blacklist: [] as string[],
  };
}

/** One collection as wallhaven lists it; ids are WallpaperDB's UUIDs and views are not counted. */
export function wallhavenCollection(collection: {
  id: string;
  name: string;
  isPublic: boolean;
  itemCount: number;
}) {
  return {
    id: collection.id,
    label: collection.name,
    views: 0,
    public: collection.isPublic ? 1 : 0,
    count: collection.itemCount,
  };
}
