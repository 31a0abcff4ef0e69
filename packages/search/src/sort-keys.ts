/**
 * Sort keys both backends compute identically (SQL here, Painless in OpenSearch), so the same query
 * gives the same order whichever backend runs it.
 */

/** Random order: a 31-bit multiplicative hash of (first 31 bits of the id) xor seed; a bijection per seed. */
export const RANDOM_MULTIPLIER = 2654435761;
export const RANDOM_MODULUS = 2147483648;

export function idHash(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16) & 0x7fffffff;
}

export function randomKey(id: string, seed: number): number {
  const mixed = Number(
    (BigInt((idHash(id) ^ seed) >>> 0) * BigInt(RANDOM_MULTIPLIER)) % BigInt(RANDOM_MODULUS),
  );
  return mixed ^ (mixed >>> 13);
}

/**
 * Relevance as one integer: matched optional (OR) tags first, then color coverage, then quality.
 * Integers (not floats) so that ties, and so pages, are the same on both backends.
 */
export const RELEVANCE_TAG_WEIGHT = 1_000_000_000;
export const RELEVANCE_COLOR_WEIGHT = 100_000;

export function relevanceKey(
  matchedOptionalTags: number,
  colorCoverage: number,
  quality: number | null,
): number {
  return (
    matchedOptionalTags * RELEVANCE_TAG_WEIGHT +
    Math.round(colorCoverage * 1000) * RELEVANCE_COLOR_WEIGHT +
    Math.round((quality ?? 0) * 100)
  );
}
