import { HASH_CHUNKS, hashChunkSql, wallpaperHashes } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";

/** Chunk `i` of a signed 64-bit hash (`HASH_CHUNKS`), as `hashChunkSql` computes it in the database. */
export function hashChunk(hash: bigint, i: number): number {
  const chunk = HASH_CHUNKS[i];
  if (!chunk) throw new RangeError(`no hash chunk ${i}`);
  return Number((BigInt.asUintN(64, hash) >> BigInt(chunk.shift)) & ((1n << BigInt(chunk.bits)) - 1n));
}

/** Every `bits`-bit value within `radius` bits of `value` (each once, `value` first). */
export function neighbours(value: number, bits: number, radius: number): number[] {
  const out = [value];
  // Flip bits in descending order only, so each combination is made once.
  let frontier = [{ value, below: bits }];
  for (let r = 0; r < radius; r++) {
    const next: { value: number; below: number }[] = [];
    for (const { value: from, below } of frontier) {
      for (let bit = 0; bit < below; bit++) {
        const flipped = from ^ (2 ** bit);
        out.push(flipped);
        next.push({ value: flipped, below: bit });
      }
    }
    frontier = next;
  }
  return out;
}

/** The chunk radius that guarantees every hash within `maxDistance` bits is a candidate (pigeonhole). */
export function hashChunkRadius(maxDistance: number): number {
  return Math.floor(maxDistance / HASH_CHUNKS.length);
}

const { hash: hashColumn } = wallpaperHashes;

/** `bit_count(hash # h) <= maxDistance` for any of `hashes`: the exact distance, on the index tuple. */
function closeTo(hashes: readonly bigint[], maxDistance: number): SQL {
  const tests = hashes.map(
    (hash) => sql`bit_count((${hashColumn} # ${hash.toString()}::bigint)::bit(64)) <= ${maxDistance}`,
  );
  return sql`(${sql.join(tests, sql` or `)})`;
}

/**
 * The stored hashes within `maxDistance` bits of any of `hashes` (only whole-picture rows when
 * `wholeOnly`): one index-only scan per chunk, probing each chunk's neighbours and popcounting the
 * hash the index carries, so no table row is read.
 */
export function closeHashes(hashes: readonly bigint[], maxDistance: number, wholeOnly: boolean): SQL[] {
  const radius = hashChunkRadius(maxDistance);
  return HASH_CHUNKS.map((chunk, i) => {
    const values = new Set(hashes.flatMap((hash) => neighbours(hashChunk(hash, i), chunk.bits, radius)));
    // A literal `scale = 100` (not a parameter), so the planner can use the partial index.
    const whole = wholeOnly ? sql`${wallpaperHashes.scale} = 100 and ` : sql``;
    return sql`select ${hashColumn} from ${wallpaperHashes}
      where ${whole}${hashChunkSql(hashColumn, i)} = any(${`{${[...values].join(",")}}`}::bigint[])
      and ${closeTo(hashes, maxDistance)}`;
  });
}
