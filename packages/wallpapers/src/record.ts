import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import { type Executor, wallpapers } from "@wallpaperdb/db";
import type { Purity } from "@wallpaperdb/db/purity";
import { eq } from "drizzle-orm";
import { type Moderation, mayChangeWallpaper, mayViewWallpaper } from "./access.ts";

// One select list for every reader of a wallpaper's own facts (byId, view and the change checks).
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
  purity: wallpapers.purity,
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
  purity: Purity;
  /** Processing finished (processed_at is set). */
  processed: boolean;
  /** Processed and approved: in search, and its media are served. */
  visible: boolean;
  /** The caller uploaded it (never the uploader's id itself: that stays private). */
  own: boolean;
  /** The caller may tag and delete it (`mayChangeWallpaper`), so pages offer only what will succeed. */
  mayChange: boolean;
}

export function wallpaperNotFound(wallpaperId: string): AppError {
  return new AppError("not_found", "No wallpaper with that id.", {
    reason: "wallpaper_not_found",
    wallpaperId,
  });
}

/** The wallpaper's own facts, or null when it does not exist or `caller` may not see it. */
export async function loadWallpaperRecord(
  db: Executor,
  id: string,
  caller: Pick<Caller, "id" | "role"> | null,
): Promise<WallpaperRecord | null> {
  const [row] = await db.select(recordColumns).from(wallpapers).where(eq(wallpapers.id, id)).limit(1);
  if (!row || !mayViewWallpaper(row, caller)) return null;
  const { processedAt, uploaderId, ...rest } = row;
  return {
    ...rest,
    processed: processedAt !== null,
    visible: processedAt !== null && row.moderation === "approved",
    own: caller !== null && uploaderId !== null && uploaderId === caller.id,
    mayChange: mayChangeWallpaper(row, caller),
  };
}

/** The wallpaper as `caller` may see it, or not_found: a hidden one is as absent as a wrong id. */
export async function requireViewableWallpaper(
  db: Executor,
  wallpaperId: string,
  caller: Pick<Caller, "id" | "role"> | null,
): Promise<WallpaperRecord> {
  const record = await loadWallpaperRecord(db, wallpaperId, caller);
  if (!record) throw wallpaperNotFound(wallpaperId);
  return record;
}

/**
 * Throws unless `caller` may change the wallpaper (`mayChangeWallpaper`). One the caller may not see is
 * not_found before it is forbidden, so a refusal never confirms that a hidden wallpaper exists.
 */
export async function assertMayChangeWallpaper(
  db: Executor,
  wallpaperId: string,
  caller: Pick<Caller, "id" | "role">,
  action: "tag" | "delete" | "change the purity of",
): Promise<WallpaperRecord> {
  const record = await requireViewableWallpaper(db, wallpaperId, caller);
  if (record.mayChange) return record;
  throw new AppError("forbidden", `Only its uploader or a curator can ${action} this wallpaper.`, {
    reason: "not_owner",
    wallpaperId,
  });
}
