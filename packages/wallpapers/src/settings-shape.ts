import { PUBLIC_PURITY, type Purity, purities } from "@wallpaperdb/db/purity";
import { type SortOrder, searchFilters, sortOrders } from "@wallpaperdb/search/query";
import { z } from "zod";

/**
 * What an account's settings hold and accept: the one shape for the `settings.*` procedures, the
 * settings page and the gallery that applies them. Import-light (zod, the purity list, the query
 * language's light entry), so the browser imports it too.
 */

/** Gallery tile sizes (like wallhaven's thumb size); their row heights live in the web app's tile-size.ts. */
export const TILE_SIZES = ["small", "medium", "large"] as const;
export type TileSize = (typeof TILE_SIZES)[number];

/**
 * The orders that make sense with no query: derived from the query language's own list, so an order
 * added there (`top`) is offered here at once. `similar` needs a wallpaper and `relevance` optional
 * tags or colours to rank by, so neither can be a default.
 */
const NEEDS_A_QUERY: readonly SortOrder[] = ["similar", "relevance"];
export const defaultSortOrders: readonly SortOrder[] = sortOrders.filter(
  (order) => !NEEDS_A_QUERY.includes(order),
);

export const MAX_BLACKLIST_TAGS = 100;

const tagName = z.string().trim().min(1).max(100);

/** A change to some settings; a field left out keeps its value, null clears an optional one. */
export const settingsPatch = z
  .object({
    /** sfw is always shown and added if missing */
    purities: z.array(z.enum(purities)).max(purities.length).optional(),
    /** tag names or aliases; saved as their canonical tags */
    blacklist: z.array(tagName).max(MAX_BLACKLIST_TAGS).optional(),
    minResolution: searchFilters.shape.atleast.unwrap().nullable().optional(),
    ratios: searchFilters.shape.ratios.optional(),
    tileSize: z.enum(TILE_SIZES).nullable().optional(),
    defaultSort: z
      .enum(sortOrders)
      .refine(
        (order) => defaultSortOrders.includes(order),
        "this order needs a query, it cannot be a default",
      )
      .nullable()
      .optional(),
  })
  .strict();

export type SettingsPatch = z.input<typeof settingsPatch>;

/** An account's settings as the page and the gallery read them. */
export interface AccountSettings {
  purities: Purity[];
  blacklist: { id: number; name: string }[];
  minResolution: { width: number; height: number } | null;
  ratios: string[];
  tileSize: TileSize | null;
  defaultSort: SortOrder | null;
}

export const defaultSettings: AccountSettings = {
  purities: [PUBLIC_PURITY],
  blacklist: [],
  minResolution: null,
  ratios: [],
  tileSize: null,
  defaultSort: null,
};

/** sfw always, then the chosen ones, in the canonical order. */
export function withPublicPurity(chosen: readonly Purity[]): Purity[] {
  return purities.filter((purity) => purity === PUBLIC_PURITY || chosen.includes(purity));
}
