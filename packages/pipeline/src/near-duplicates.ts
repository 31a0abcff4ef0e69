import {
  type Executor,
  hashChunkSql,
  wallpaperFacts,
  wallpaperHashes,
  wallpaperNearDuplicates,
} from "@wallpaperdb/db";
import {
  type CropHash,
  NEAR_DUPLICATE_BITS,
  nearDuplicateDistance,
  type SignatureScale,
} from "@wallpaperdb/imaging/near-duplicates";
import { and, eq, ne, or, sql } from "drizzle-orm";
import { closeHashes } from "./near-duplicates-index.ts";
import { chunkNeighbours, chunkRadius, phashChunks, phashToBigint, phashToHex } from "./phash.ts";

/** Hash distance (bits) at or below which two wallpapers are flagged as near-duplicates. */
export const NEAR_DUPLICATE_DISTANCE = NEAR_DUPLICATE_BITS;

export interface NearDuplicate {
  wallpaperId: string;
  distance: number;
}

/**
 * Wallpapers whose whole-picture pHash (`wallpaper_facts.phash`) is within `maxDistance` bits, for
 * `wallpaper.similar`: an indexed candidate query on the four chunk columns, then the exact popcount.
 * Curator flags use the crop-tolerant `matchNearDuplicates` instead.
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

/** Stores a wallpaper's crop hashes (replacing any from an earlier run: redeliveries change nothing). */
export async function upsertNearDuplicateHashes(
  tx: Executor,
  wallpaperId: string,
  signature: readonly CropHash[],
): Promise<void> {
  await tx.delete(wallpaperHashes).where(eq(wallpaperHashes.wallpaperId, wallpaperId));
  await tx.insert(wallpaperHashes).values(
    signature.map((crop) => ({
      wallpaperId,
      scale: crop.scale,
      hash: phashToBigint(crop.hash),
      layout: crop.layout,
    })),
  );
}

/**
 * Wallpapers that nearly duplicate this signature. The rule (`nearDuplicateDistance`) compares one
 * side's whole picture with every crop of the other, so the close hashes are two multi-index lookups
 * (`closeHashes`, index-only): our whole-picture hash against every stored crop, and our crops against
 * stored whole pictures (the partial `scale = 100` indexes). Only the rows holding a close hash are
 * read from the table, for the colour layout check in JS.
 */
export async function matchNearDuplicates(
  tx: Executor,
  wallpaperId: string,
  signature: readonly CropHash[],
  maxDistance = NEAR_DUPLICATE_DISTANCE,
): Promise<NearDuplicate[]> {
  const whole = signature.find((crop) => crop.scale === 100);
  if (!whole) throw new RangeError("A signature needs its whole-picture hash");
  const cropHashes = signature.filter((crop) => crop.scale !== 100).map((crop) => phashToBigint(crop.hash));
  const lookups = [
    ...closeHashes([phashToBigint(whole.hash)], maxDistance, false),
    ...(cropHashes.length > 0 ? closeHashes(cropHashes, maxDistance, true) : []),
  ];
  // The rows behind the close hashes, one (chunk 0, hash) index probe each. `offset 0` keeps the
  // subquery a per-hash probe: joined freely, a bad row estimate (no statistics on the index
  // expressions before ANALYZE) made it a hash join over a sequential scan of the table, ~1 s at a
  // million. A stored row the close set holds only through a hash it shares with a compared row adds no
  // pair the rule counts.
  const rows = await tx.execute<{ wallpaper_id: string; scale: number; hash: string; layout: number[] }>(sql`
    select h.wallpaper_id, h.scale, h.hash::text as hash, h.layout
    from (${sql.join(lookups, sql` union `)}) as close (hash)
    cross join lateral (
      select s.wallpaper_id, s.scale, s.hash, s.layout from ${wallpaperHashes} s
      where ${hashChunkSql(sql`s.hash`, 0)} = ${hashChunkSql(sql`close.hash`, 0)}
        and s.hash = close.hash and s.wallpaper_id <> ${wallpaperId}
      offset 0) h`);

  const byWallpaper = new Map<string, CropHash[]>();
  for (const row of rows) {
    const crops = byWallpaper.get(row.wallpaper_id) ?? [];
    crops.push({
      scale: row.scale as SignatureScale,
      hash: phashToHex(BigInt(row.hash)),
      layout: row.layout,
    });
    byWallpaper.set(row.wallpaper_id, crops);
  }
  const found: NearDuplicate[] = [];
  for (const [id, crops] of byWallpaper) {
    const distance = nearDuplicateDistance(signature, crops, maxDistance);
    if (distance !== null) found.push({ wallpaperId: id, distance });
  }
  return found.sort((a, b) => a.distance - b.distance || a.wallpaperId.localeCompare(b.wallpaperId));
}

/**
 * Stores the signature, links the wallpaper to the others it nearly duplicates and flags the link for
 * curators. A transaction-level advisory lock makes concurrent near-duplicates see each other: without
 * it, two copies processed at the same moment would each miss the other.
 */
export async function linkNearDuplicates(
  tx: Executor,
  wallpaperId: string,
  signature: readonly CropHash[],
): Promise<NearDuplicate[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('wallpaper_near_duplicates'))`);
  await upsertNearDuplicateHashes(tx, wallpaperId, signature);
  const found = await matchNearDuplicates(tx, wallpaperId, signature);
  if (found.length === 0) return found;
  // Linked one way only: a pair already flagged the other way round (a re-run, a backfill) stays one flag.
  const known = await tx
    .select({ id: wallpaperNearDuplicates.wallpaperId })
    .from(wallpaperNearDuplicates)
    .where(eq(wallpaperNearDuplicates.duplicateOf, wallpaperId));
  const knownIds = new Set(known.map((row) => row.id));
  const fresh = found.filter((match) => !knownIds.has(match.wallpaperId));
  if (fresh.length === 0) return found;
  await tx
    .insert(wallpaperNearDuplicates)
    .values(fresh.map((match) => ({ wallpaperId, duplicateOf: match.wallpaperId, distance: match.distance })))
    .onConflictDoNothing();
  return found;
}
