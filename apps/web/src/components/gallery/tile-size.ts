/**
 * The gallery's tile size (small / medium / large, like wallhaven's thumb size): the one home of its row
 * heights and of where the choice is kept. gallery.css reads the heights through the CSS variables
 * `tileSizeVars` sets, and tile.tsx builds each picture's `sizes` from the same numbers, so the browser
 * picks a srcset candidate for the row the tile really sits in.
 *
 * Kept in a cookie, not localStorage: the server renders the first paint, and it must know the size to
 * lay out the rows and to write every tile's `sizes` (the preload scanner fetches from those attributes
 * before any script runs). localStorage never reaches the server, so it would mean a flash or a second
 * download. A signed-in account also stores it in its settings (`settings.update`, which the gallery's
 * control and the settings page call): the gallery page passes that to `readTileSize`, and the cookie
 * keeps it for the other grid pages of this device. Visitors keep the cookie alone.
 */
import { TILE_SIZES, type TileSize } from "@wallpaperdb/wallpapers/settings-shape";

export { TILE_SIZES, type TileSize };
export const DEFAULT_TILE_SIZE: TileSize = "medium";

/**
 * Row heights in CSS px on wide screens and on phones (≤ 640 px, the breakpoint in gallery.css and in
 * `tileSizes`). At 1440 px: nine, six and four 16:10 tiles a row; on a 390 px phone: three, two, one.
 */
export const ROW_HEIGHTS: Record<TileSize, { wide: number; narrow: number }> = {
  small: { wide: 90, narrow: 72 },
  medium: { wide: 140, narrow: 110 },
  large: { wide: 200, narrow: 180 },
};

export const TILE_SIZE_COOKIE = "wpdb-tile-size";
const ONE_YEAR_S = 365 * 24 * 60 * 60;

export function parseTileSize(value: string | undefined): TileSize {
  return TILE_SIZES.find((size) => size === value) ?? DEFAULT_TILE_SIZE;
}

/**
 * On the server, from the request's cookies (`await cookies()` in the page); the account's stored size
 * wins where the page has it (signed in, saved once).
 */
export function readTileSize(
  cookies: { get(name: string): { value: string } | undefined },
  accountSize?: TileSize | null,
): TileSize {
  return accountSize ?? parseTileSize(cookies.get(TILE_SIZE_COOKIE)?.value);
}

/** In the browser: remembered for the next visit and sent with the next page request. */
export function writeTileSize(size: TileSize): void {
  // biome-ignore lint/suspicious/noDocumentCookie: one plain first-party cookie; the Cookie Store API is missing from Safari before 18.4 and from Firefox.
  document.cookie = `${TILE_SIZE_COOKIE}=${size}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}

/** The CSS variables gallery.css turns into `--row-height` (wide, or narrow under its phone rule). */
export function tileSizeVars(size: TileSize): Record<string, string> {
  const { wide, narrow } = ROW_HEIGHTS[size];
  return { "--row-wide": `${wide}px`, "--row-narrow": `${narrow}px` };
}

/** A tile's `sizes`: its width at the row height (a row grows a little to fill the width, never much). */
export function tileSizes(size: TileSize, ratio: number): string {
  const { wide, narrow } = ROW_HEIGHTS[size];
  return `(max-width: 640px) ${Math.round(narrow * ratio)}px, ${Math.round(wide * ratio)}px`;
}
