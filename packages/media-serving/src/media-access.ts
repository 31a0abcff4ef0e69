import type { Caller } from "@wallpaperdb/auth/roles";
import { type Database, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { PUBLIC_PURITY } from "@wallpaperdb/db/purity";
import { mayViewWallpaper, type WallpaperAccess } from "@wallpaperdb/wallpapers";
import { eq } from "drizzle-orm";
import type { VisibleWallpaper } from "./media-records.ts";

/**
 * Who may keep a media response. `public`: a processed, approved wallpaper, the same bytes for everyone,
 * so the immutable caching of each route stands. `private`: a held or rejected wallpaper shown to its
 * uploader or a curator; the answer depends on who asked, so no cache may store it (a shared cache
 * would hand it to the next anonymous visitor, and a browser would keep it after a rejection).
 */
export type MediaAudience = "public" | "private";

export const PRIVATE_NO_STORE = "private, no-store";

/** Resolves the caller only when it matters: public media never pay for a session lookup. */
export type ViewerResolver = () => Promise<Caller | null>;

export interface MediaAccessRow extends WallpaperAccess {
  processed: boolean;
}

/**
 * The visibility decision of the media routes, or null for "as absent as a wrong id". Held and
 * rejected wallpapers follow `mayViewWallpaper`, the rule of `wallpaper.byId` and the detail page.
 * Approved ones that are still processing stay 404 for everyone, as before: they are public, but their
 * media are not finished, and a public answer for them would be cached as immutable.
 */
export function mediaAudience(
  row: MediaAccessRow,
  viewer: Pick<Caller, "id" | "role"> | null,
): MediaAudience | null {
  if (row.moderation === "approved" && !row.processed) return null;
  // A sketchy or nsfw wallpaper's media answer only to accounts (mayViewWallpaper): private, like held ones.
  if (row.moderation === "approved" && row.purity === PUBLIC_PURITY) return "public";
  return mayViewWallpaper(row, viewer) ? "private" : null;
}

export interface ServableWallpaper {
  wallpaper: VisibleWallpaper;
  audience: MediaAudience;
}

/** The wallpaper and who may keep its media, or null when `resolveViewer`'s viewer may not see it. */
export async function loadServableWallpaper(
  db: Database,
  id: string,
  resolveViewer: ViewerResolver | undefined,
): Promise<ServableWallpaper | null> {
  const [row] = await db
    .select({
      id: wallpapers.id,
      mediaType: wallpapers.mediaType,
      mimeType: wallpapers.mimeType,
      originalKey: wallpapers.originalKey,
      originalFilename: wallpapers.originalFilename,
      sha256: wallpapers.sha256,
      width: wallpapers.width,
      height: wallpapers.height,
      posterKey: wallpaperFacts.posterKey,
      moderation: wallpapers.moderation,
      uploaderId: wallpapers.uploaderId,
      purity: wallpapers.purity,
      processedAt: wallpapers.processedAt,
    })
    .from(wallpapers)
    .leftJoin(wallpaperFacts, eq(wallpaperFacts.wallpaperId, wallpapers.id))
    .where(eq(wallpapers.id, id))
    .limit(1);
  if (!row) return null;
  const { moderation, uploaderId, purity, processedAt, ...wallpaper } = row;
  const access = { moderation, uploaderId, purity, processed: processedAt !== null };
  // Only a held, rejected or non-sfw wallpaper's answer depends on who is asking.
  const personal = moderation !== "approved" || purity !== PUBLIC_PURITY;
  const viewer = personal && resolveViewer ? await resolveViewer() : null;
  const audience = mediaAudience(access, viewer);
  return audience ? { wallpaper, audience } : null;
}

/** Every answer for a private wallpaper (200, 206, 304, the version redirect) is marked uncacheable. */
export function applyAudience(response: Response, audience: MediaAudience): Response {
  if (audience === "private") response.headers.set("cache-control", PRIVATE_NO_STORE);
  return response;
}
