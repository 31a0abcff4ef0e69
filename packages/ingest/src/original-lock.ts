import type { Executor } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";

/**
 * Serializes, per content hash, what decides an original's fate: ingest's commit (which may rely on
 * an original already stored) and any deletion of an original nobody uses (blob-cleanup, the
 * reconciler). Held to the end of the caller's transaction. Without it, a deletion's "no wallpaper has
 * these bytes" check could pass just before an identical upload commits against the same blob.
 */
export async function lockOriginal(tx: Executor, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`original:${sha256}`}, 0))`);
}
