const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

/**
 * Where an original lives: content-addressed, so the same bytes always land on the same key and a
 * duplicate never writes a second blob. The user's file name never reaches a key.
 */
export function originalKeyFor(sha256: string): string {
  if (!isSha256Hex(sha256)) throw new Error(`not a lower-case SHA-256 hex digest: ${sha256}`);
  return `${ORIGINALS_PREFIX}${sha256.slice(0, 2)}/${sha256}`;
}

export const ORIGINALS_PREFIX = "originals/";

/** The SHA-256 a key was derived from, or null for keys that are not originals. */
export function sha256FromOriginalKey(key: string): string | null {
  const match = /^originals\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(key);
  if (!match?.[2] || match[1] !== match[2].slice(0, 2)) return null;
  return match[2];
}
