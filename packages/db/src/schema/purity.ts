/**
 * A wallpaper's purity, wallhaven's three levels: what is safe for work, what is sketchy (suggestive),
 * what is not. The one list: the database enum, the query language (`purity:`), settings and the
 * search documents all take it from here. Import-light (no drizzle), so the browser can use it.
 */
export const purities = ["sfw", "sketchy", "nsfw"] as const;
export type Purity = (typeof purities)[number];

/** What anyone sees, signed in or not; the other levels are opted in to in the account's settings. */
export const PUBLIC_PURITY: Purity = "sfw";

/**
 * Where a wallpaper's purity came from, so that a model's suggestion is never silently final: the
 * uploader's explicit choice and a curator's decision win over the classify step, which may only set a
 * purity nobody chose (`default`) or replace its own earlier suggestion (`model`).
 */
export const puritySources = ["default", "uploader", "curator", "model"] as const;
export type PuritySource = (typeof puritySources)[number];
