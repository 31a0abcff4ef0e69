import { type Caller, canCurate } from "@wallpaperdb/auth/roles";
import type { moderationStatus } from "@wallpaperdb/db";
import { PUBLIC_PURITY, type Purity } from "@wallpaperdb/db/purity";

/** A wallpaper's moderation state, as the database enum defines it. */
export type Moderation = (typeof moderationStatus.enumValues)[number];

/** What the rules look at: never more, so the media routes and history can ask with a narrow select. */
export interface WallpaperAccess {
  moderation: Moderation;
  uploaderId: string | null;
  purity: Purity;
}

/**
 * Who may change a wallpaper (tag it, delete it): its uploader, and curators and admins any. The one
 * place this rule is written; anonymous uploads have no uploader to recognize.
 */
export function mayChangeWallpaper(
  wallpaper: Pick<WallpaperAccess, "uploaderId">,
  caller: Pick<Caller, "id" | "role"> | null,
): boolean {
  if (!caller) return false;
  return canCurate(caller.role) || (wallpaper.uploaderId !== null && wallpaper.uploaderId === caller.id);
}

/**
 * Who may see a wallpaper at all. Moderation decides: a held (pending) or rejected wallpaper exists only
 * for those who may change it; to anyone else it is indistinguishable from an id that does not exist.
 * An approved one is public, also while it is still processing: the upload page links to it at once,
 * and processing adds media, not permission. Search, similar, random and the media routes additionally
 * need processing to have finished (`visible` in record.ts).
 *
 * Purity: a visitor sees sfw only, so a sketchy or nsfw wallpaper is not_found to them everywhere (page,
 * record, media). Any account may open one by its link; its lists show only the purities its settings
 * opt in to (the viewer scope, `loadViewerScope`), which is where "what I want to see" is decided.
 */
export function mayViewWallpaper(
  wallpaper: WallpaperAccess,
  caller: Pick<Caller, "id" | "role"> | null,
): boolean {
  if (mayChangeWallpaper(wallpaper, caller)) return true;
  return wallpaper.moderation === "approved" && mayViewPurity(wallpaper.purity, caller);
}

/** sfw is public; sketchy and nsfw need an account (its settings decide whether lists show them). */
export function mayViewPurity(purity: Purity, caller: Pick<Caller, "id"> | null): boolean {
  return purity === PUBLIC_PURITY || caller !== null;
}
