import type { Caller } from "@wallpaperdb/auth/roles";
import type { Database } from "@wallpaperdb/db";
import { auditLog, takenDown, wallpapers } from "@wallpaperdb/db";
import { enqueueEvent, enqueueWallpapersChanged } from "@wallpaperdb/events/outbox";
import { detachWallpaperTags } from "@wallpaperdb/tags";
import { eq } from "drizzle-orm";
import { wallpaperNotFound } from "./record.ts";

export interface DeletedWallpaper {
  wallpaperId: string;
  /** Tags it had: each lost one from its count. */
  tagsRemoved: number;
  /** It was rejected: its sha256 is now refused by ingest (`taken_down`), so deleting undoes nothing. */
  takenDown: boolean;
}

/**
 * Deletes a wallpaper in one transaction: its tags leave their counts, its row goes (facts, variants,
 * colors, steps, near-duplicate links and tag rows cascade; its upload keeps the history and answers
 * `gone`), a rejected one's sha256 is recorded as taken down (ingest refuses those bytes from then
 * on), an audit entry keeps what it was, and two events follow the commit: `wallpaper.changed.v1`
 * (the search index drops it) and `wallpaper.deleted.v1` (the blob-cleanup worker deletes its files).
 * Who may delete is checked before (`assertMayChangeWallpaper`: its uploader or a curator).
 */
export async function deleteWallpaper(
  db: Database,
  actor: Pick<Caller, "id">,
  wallpaperId: string,
): Promise<DeletedWallpaper> {
  // A tag merge locks tags before wallpapers, the opposite order; PostgreSQL breaks such a deadlock by
  // failing one side, and the delete is the side that simply tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await deleteOnce(db, actor, wallpaperId);
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

const DEADLOCK_ATTEMPTS = 3;

function isDeadlock(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "40P01") return true;
  }
  return false;
}

async function deleteOnce(
  db: Database,
  actor: Pick<Caller, "id">,
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
        moderationReason: wallpapers.moderationReason,
      })
      .from(wallpapers)
      .where(eq(wallpapers.id, wallpaperId))
      .for("update");
    if (!row) throw wallpaperNotFound(wallpaperId);
    const tagsRemoved = await detachWallpaperTags(tx, wallpaperId);
    // Deleting a rejected wallpaper must not undo the rejection: its bytes stay refused by ingest.
    const wasRejected = row.moderation === "rejected";
    if (wasRejected) {
      await tx
        .insert(takenDown)
        .values({ sha256: row.sha256, reason: row.moderationReason, takenDownBy: actor.id })
        .onConflictDoNothing();
    }
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
        takenDown: wasRejected,
      },
    });
    await enqueueWallpapersChanged(tx, [wallpaperId], "deleted");
    await enqueueEvent(tx, "wallpaper.deleted.v1", {
      wallpaperId,
      sha256: row.sha256,
      originalKey: row.originalKey,
    });
    return { wallpaperId, tagsRemoved, takenDown: wasRejected };
  });
}
