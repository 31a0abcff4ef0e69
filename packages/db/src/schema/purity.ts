/**
 * A wallpaper's purity, wallhaven's three levels: what is safe for work, what is sketchy (suggestive),
 * what is not. The one list: the database enum, the query language (`purity:`), settings and the
 * search documents all take it from here. Import-light (no drizzle), so the browser can use it.
 */
export const purities = ["sfw", "sketchy", "nsfw"] as const;
export type Purity = (typeof purities)[number];

/** What anyone sees, signed in or not; the other levels are opted in to in the account's settings. */
export const PUBLIC_PURITY: Purity = "sfw";
