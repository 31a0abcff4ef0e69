import { type Database, type Executor, wallpapers } from "@wallpaperdb/db";
import type { BlobStore } from "@wallpaperdb/storage";
import { eq, sql } from "drizzle-orm";

/**
 * Serializes, per content hash, what decides an original's fate: ingest's commit (which may rely on
 * an original already stored) and any deletion of an original nobody uses (blob-cleanup, the
 * reconciler). Held to the end of the caller's transaction. Without it, a deletion's "no wallpaper has
 * these bytes" check could pass just before an identical upload commits against the same blob.
 */
export async function lockOriginal(tx: Executor, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`original:${sha256}`}, 0))`);
}

/**
 * Deletes the original of `sha256` unless a wallpaper with those bytes exists, deciding under the
 * original's lock (blob-cleanup after a delete, the reconciler's orphan sweep). True when deleted.
 */
export async function deleteOriginalIfUnused(
  db: Database,
  blobStore: BlobStore,
  sha256: string,
  key: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockOriginal(tx, sha256);
    const [used] = await tx
      .select({ id: wallpapers.id })
      .from(wallpapers)
      .where(eq(wallpapers.sha256, sha256))
      .limit(1);
    if (used) return false;
    await blobStore.delete(key);
    return true;
  });
}
