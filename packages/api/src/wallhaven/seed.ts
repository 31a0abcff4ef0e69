import { MAX_SEED } from "@wallpaperdb/search/query";

// wallhaven's random seed is six characters of [a-zA-Z0-9]; WallpaperDB's is a number up to MAX_SEED.
// Base 62 joins them: every number the search picks fits in six characters (62^6 > 2^31), so a seed
// read back from meta.seed names exactly the order it came from.
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LENGTH = 6;

export const SEED_PATTERN = /^[a-zA-Z0-9]{6}$/u;

/** Our seed for a wallhaven seed; one beyond MAX_SEED wraps, so every valid text names one order. */
export function seedNumber(text: string): number {
  let value = 0;
  for (const char of text) value = (value * ALPHABET.length + ALPHABET.indexOf(char)) % (MAX_SEED + 1);
  return value;
}

/** The six-character text for one of our seeds (zero-padded). */
export function seedText(seed: number): string {
  let rest = seed;
  let text = "";
  while (rest > 0) {
    text = ALPHABET.charAt(rest % ALPHABET.length) + text;
    rest = Math.floor(rest / ALPHABET.length);
  }
  return text.padStart(LENGTH, "0");
}
