import { type Caller, canCurate } from "@wallpaperdb/auth/roles";
import type { moderationStatus } from "@wallpaperdb/db";

/** A wallpaper's moderation state, as the database enum defines it. */
export type Moderation = (typeof moderationStatus.enumValues)[number];

/** What the rules look at: never more, so the media routes and history can ask with a narrow select. */
export interface WallpaperAccess {
  moderation: Moderation;
  uploaderId: string | null;
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
 */
export function mayViewWallpaper(
  wallpaper: WallpaperAccess,
  caller: Pick<Caller, "id" | "role"> | null,
): boolean {
  return wallpaper.moderation === "approved" || mayChangeWallpaper(wallpaper, caller);
}
