import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * How `wallpaper_hashes.hash` is cut for multi-index hashing: three chunks of 22, 21 and 21 bits, most
 * significant first. Within 8 bits, one of three chunks differs in at most 2 (pigeonhole), so a lookup
 * probes ~240 values per chunk and ~0.03 % of the rows match one; four 16-bit chunks (migration 0021)
 * probed 137 values but matched ~0.8 % of the rows, 75k candidates at a million wallpapers.
 */
export const HASH_CHUNKS = [
  { shift: 42, bits: 22 },
  { shift: 21, bits: 21 },
  { shift: 0, bits: 21 },
] as const;

/**
 * Chunk `i` of a signed 64-bit hash as SQL, the expression the chunk indexes are built on: a query
 * must spell it the same way for the planner to use them.
 */
export function hashChunkSql(hash: AnyPgColumn | SQL, i: number): SQL {
  const chunk = HASH_CHUNKS[i];
  if (!chunk) throw new RangeError(`no hash chunk ${i}`);
  return sql`((${hash} >> ${sql.raw(String(chunk.shift))}) & ${sql.raw(String(2 ** chunk.bits - 1))})`;
}
