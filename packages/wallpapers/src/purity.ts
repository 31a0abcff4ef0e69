import type { Caller } from "@wallpaperdb/auth/roles";
import { auditLog, type Database, wallpapers } from "@wallpaperdb/db";
import type { Purity } from "@wallpaperdb/db/purity";
import { enqueueWallpapersChanged } from "@wallpaperdb/events/outbox";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { assertMayChangeWallpaper } from "./record.ts";

/**
 * Sets a wallpaper's purity: its uploader or a curator (`mayChangeWallpaper`; not_found before
 * forbidden). Every change is audited (`wallpaper.purity`, from → to, and whether a curator made it on
 * someone else's upload) and enqueues `wallpaper.changed.v1` so an OpenSearch index re-reads it. The
 * same purity again changes nothing and writes nothing, except that a purity the classify step set or
 * nobody chose becomes the caller's decision (`purity_source`), which the model never overrides.
 */
export async function setWallpaperPurity(
  db: Database,
  caller: Pick<Caller, "id" | "role">,
  wallpaperId: string,
  purity: Purity,
): Promise<{ purity: Purity; changed: boolean }> {
  const record = await assertMayChangeWallpaper(db, wallpaperId, caller, "change the purity of");
  const puritySource = record.own ? "uploader" : "curator";
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(wallpapers)
      .set({ purity, puritySource, updatedAt: sql`now()` })
      .where(and(eq(wallpapers.id, wallpaperId), ne(wallpapers.purity, purity)))
      .returning({ id: wallpapers.id });
    if (changed.length === 0) {
      // Confirming the model's (or the default) purity is a decision too: the model may not change it later.
      await tx
        .update(wallpapers)
        .set({ puritySource })
        .where(and(eq(wallpapers.id, wallpaperId), inArray(wallpapers.puritySource, ["default", "model"])));
      return { purity, changed: false };
    }
    await tx.insert(auditLog).values({
      actorId: caller.id,
      action: "wallpaper.purity",
      entityType: "wallpaper",
      entityId: wallpaperId,
      data: { from: record.purity, to: purity, byCurator: !record.own },
    });
    await enqueueWallpapersChanged(tx, [wallpaperId], "purity");
    return { purity, changed: true };
  });
}
