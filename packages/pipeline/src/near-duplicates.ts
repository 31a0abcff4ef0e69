import { type Executor, wallpaperFacts, wallpaperNearDuplicates } from "@wallpaperdb/db";
import { and, ne, or, sql } from "drizzle-orm";
import { chunkNeighbours, chunkRadius, phashChunks } from "./phash.ts";

/** Hamming distance at or below which two wallpapers are flagged as near-duplicates. */
export const NEAR_DUPLICATE_DISTANCE = 8;

export interface NearDuplicate {
  wallpaperId: string;
  distance: number;
}

/**
 * Wallpapers whose pHash is within `maxDistance` bits: an indexed candidate query on the four chunk
 * columns (each `= any(neighbours)` is one btree scan), then the exact popcount on the few candidates.
 */
export async function findNearDuplicates(
  tx: Executor,
  wallpaperId: string,
  phash: bigint,
  maxDistance = NEAR_DUPLICATE_DISTANCE,
): Promise<NearDuplicate[]> {
  const radius = chunkRadius(maxDistance);
  const columns = [
    wallpaperFacts.phash0,
    wallpaperFacts.phash1,
    wallpaperFacts.phash2,
    wallpaperFacts.phash3,
  ];
  const lookups = phashChunks(phash).map((chunk, i) => {
    const values = `{${chunkNeighbours(chunk, radius).join(",")}}`;
    return sql`${columns[i]} = any(${values}::int[])`;
  });
  const distance = sql<number>`bit_count((${wallpaperFacts.phash} # ${phash.toString()}::bigint)::bit(64))::int`;
  const rows = await tx
    .select({ wallpaperId: wallpaperFacts.wallpaperId, distance })
    .from(wallpaperFacts)
    .where(and(ne(wallpaperFacts.wallpaperId, wallpaperId), or(...lookups)));
  return rows.filter((row) => row.distance <= maxDistance).sort((a, b) => a.distance - b.distance);
}

/**
 * Links a wallpaper to the earlier ones it nearly duplicates and flags the link for curators. A
 * transaction-level advisory lock makes concurrent near-duplicates see each other: without it, two
 * copies processed at the same moment would each miss the other.
 */
export async function linkNearDuplicates(
  tx: Executor,
  wallpaperId: string,
  phash: bigint,
): Promise<NearDuplicate[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('wallpaper_near_duplicates'))`);
  const found = await findNearDuplicates(tx, wallpaperId, phash);
  if (found.length === 0) return found;
  await tx
    .insert(wallpaperNearDuplicates)
    .values(found.map((match) => ({ wallpaperId, duplicateOf: match.wallpaperId, distance: match.distance })))
    .onConflictDoNothing();
  return found;
}
