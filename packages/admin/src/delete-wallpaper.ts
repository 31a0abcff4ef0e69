import { AppError } from "@wallpaperdb/core/errors";
import type { Database } from "@wallpaperdb/db";
import { auditLog, wallpapers } from "@wallpaperdb/db";
import { enqueueEvent, enqueueWallpapersChanged } from "@wallpaperdb/events/outbox";
import { detachWallpaperTags } from "@wallpaperdb/tags";
import { eq } from "drizzle-orm";
import type { Actor } from "./moderation.ts";

export interface DeletedWallpaper {
  wallpaperId: string;
  /** Tags it had: each lost one from its count. */
  tagsRemoved: number;
}

/**
 * Deletes a wallpaper in one transaction: its tags leave their counts, its row goes (facts, variants,
 * colors, steps, near-duplicate links and tag rows cascade; its upload keeps the history and answers
 * `gone`), an audit entry keeps what it was, and two events follow the commit: `wallpaper.changed.v1`
 * (the search index drops it) and `wallpaper.deleted.v1` (the blob-cleanup worker deletes its files).
 * Who may delete is the caller's decision (the API: its uploader or a curator).
 */
export async function deleteWallpaper(
  db: Database,
  actor: Actor,
  wallpaperId: string,
): Promise<DeletedWallpaper> {
  return db.transaction(async (tx) => {
    // FOR UPDATE: waits for a tag edit or a step commit holding the row, and keeps new ones out.
    const [row] = await tx
      .select({
        id: wallpapers.id,
        sha256: wallpapers.sha256,
        originalKey: wallpapers.originalKey,
        originalFilename: wallpapers.originalFilename,
        uploaderId: wallpapers.uploaderId,
        moderation: wallpapers.moderation,
      })
      .from(wallpapers)
      .where(eq(wallpapers.id, wallpaperId))
      .for("update");
    if (!row) {
      throw new AppError("not_found", "No wallpaper with that id.", {
        reason: "wallpaper_not_found",
        wallpaperId,
      });
    }
    const tagsRemoved = await detachWallpaperTags(tx, wallpaperId);
    await tx.delete(wallpapers).where(eq(wallpapers.id, wallpaperId));
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: "wallpaper.deleted",
      entityType: "wallpaper",
      entityId: wallpaperId,
      data: {
        sha256: row.sha256,
        originalFilename: row.originalFilename,
        uploaderId: row.uploaderId,
        moderation: row.moderation,
        tagsRemoved,
      },
    });
    await enqueueWallpapersChanged(tx, [wallpaperId], "deleted");
    await enqueueEvent(tx, "wallpaper.deleted.v1", {
      wallpaperId,
      sha256: row.sha256,
      originalKey: row.originalKey,
    });
    return { wallpaperId, tagsRemoved };
  });
}
