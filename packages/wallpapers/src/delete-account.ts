import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import { auditLog, type Database, users, wallpapers } from "@wallpaperdb/db";
import { enqueueWallpapersChanged } from "@wallpaperdb/events/outbox";
import { and, eq, ne } from "drizzle-orm";
import { deleteWallpaper } from "./delete-wallpaper.ts";

/** What happens to an account's uploads when it is deleted: kept without a name, or deleted with it. */
export const uploadChoices = ["keep", "delete"] as const;
export type UploadChoice = (typeof uploadChoices)[number];

export interface DeletedAccount {
  /** Uploads kept, now anonymous (`uploader_id` null). */
  kept: number;
  /** Uploads deleted through `deleteWallpaper` (their files follow through the blob-cleanup worker). */
  deleted: number;
}

/**
 * Deletes the caller's own account. Uploads either stay, anonymised (the foreign key sets
 * `uploader_id` null; the search index hears `wallpaper.changed.v1` so a document forgets the uploader),
 * or go one by one through `deleteWallpaper`, the one deletion path (tags leave their counts, a rejected
 * one stays taken down, files are cleaned up). Sessions, API keys and favorites cascade with the row.
 * The last admin cannot leave: that would hand admin to the next sign-up.
 */
export async function deleteAccount(
  db: Database,
  caller: Pick<Caller, "id" | "role">,
  uploads: UploadChoice,
): Promise<DeletedAccount> {
  if (caller.role === "admin") {
    const [other] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), ne(users.id, caller.id)))
      .limit(1);
    if (!other) {
      throw new AppError("conflict", "You are the last admin; make someone else admin first.", {
        reason: "last_admin",
      });
    }
  }
  let deleted = 0;
  if (uploads === "delete") {
    const owned = await db
      .select({ id: wallpapers.id })
      .from(wallpapers)
      .where(eq(wallpapers.uploaderId, caller.id));
    for (const { id } of owned) {
      await deleteWallpaper(db, caller, id).catch((error: unknown) => {
        // Deleted meanwhile (by a curator): nothing left to do for this one.
        if (!(error instanceof AppError && error.code === "not_found")) throw error;
      });
      deleted++;
    }
  }
  return db.transaction(async (tx) => {
    const kept = await tx
      .select({ id: wallpapers.id })
      .from(wallpapers)
      .where(eq(wallpapers.uploaderId, caller.id))
      .for("update");
    const gone = await tx.delete(users).where(eq(users.id, caller.id)).returning({ id: users.id });
    if (gone.length === 0) throw new AppError("not_found", "This account no longer exists.");
    await tx.insert(auditLog).values({
      actorId: null,
      action: "account.deleted",
      entityType: "user",
      entityId: caller.id,
      data: { uploads, kept: kept.length, deleted },
    });
    await enqueueWallpapersChanged(
      tx,
      kept.map((row) => row.id),
      "uploader",
    );
    return { kept: kept.length, deleted };
  });
}
