import { type Executor, wallpapers } from "@wallpaperdb/db";
import { eq } from "drizzle-orm";

/** Who is looking: a signed-in account (session or API key) or nobody. */
export interface Viewer {
  id: string;
  role: "user" | "curator" | "admin";
}

export type Moderation = "pending" | "approved" | "rejected";

/**
 * The ONE visibility rule, shared by `wallpaper.byId` (and the other per-wallpaper procedures) and the
 * detail page. Moderation decides: a held (pending) or rejected wallpaper exists only for its uploader
 * and curators/admins; to anyone else it is indistinguishable from an id that does not exist. An
 * approved one is public, also while it is still processing: the upload page links to it at once,
 * anonymous uploads have no owner to recognize, and processing adds media, not permission. Search,
 * similar, random and the media routes additionally need processing to have finished (`visible`).
 */
export function canViewWallpaper(
  row: { moderation: Moderation; uploaderId: string | null },
  viewer: Viewer | null,
): boolean {
  if (row.moderation === "approved") return true;
  if (!viewer) return false;
  return viewer.role === "curator" || viewer.role === "admin" || viewer.id === row.uploaderId;
}

// One select list for every reader of a wallpaper's own facts (byId and the detail page).
const recordColumns = {
  id: wallpapers.id,
  sha256: wallpapers.sha256,
  mediaType: wallpapers.mediaType,
  mimeType: wallpapers.mimeType,
  originalFilename: wallpapers.originalFilename,
  sizeBytes: wallpapers.sizeBytes,
  width: wallpapers.width,
  height: wallpapers.height,
  durationMs: wallpapers.durationMs,
  createdAt: wallpapers.createdAt,
  processedAt: wallpapers.processedAt,
  moderation: wallpapers.moderation,
  uploaderId: wallpapers.uploaderId,
};

export interface WallpaperRecord {
  id: string;
  sha256: string;
  mediaType: "image" | "video";
  mimeType: string;
  originalFilename: string | null;
  sizeBytes: number;
  width: number;
  height: number;
  durationMs: number | null;
  createdAt: Date;
  moderation: Moderation;
  /** Processing finished (processed_at is set). */
  processed: boolean;
  /** Processed and approved: in search, and its media are served. */
  visible: boolean;
  /** The viewer uploaded it (never the uploader's id itself: that stays private). */
  own: boolean;
}

/** The wallpaper's own facts, or null when it does not exist or `viewer` may not see it. */
export async function loadWallpaperRecord(
  db: Executor,
  id: string,
  viewer: Viewer | null,
): Promise<WallpaperRecord | null> {
  const [row] = await db.select(recordColumns).from(wallpapers).where(eq(wallpapers.id, id)).limit(1);
  if (!row || !canViewWallpaper(row, viewer)) return null;
  const { processedAt, uploaderId, ...rest } = row;
  return {
    ...rest,
    processed: processedAt !== null,
    visible: processedAt !== null && row.moderation === "approved",
    own: viewer !== null && uploaderId !== null && uploaderId === viewer.id,
  };
}
