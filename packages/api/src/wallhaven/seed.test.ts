import { MAX_SEED } from "@wallpaperdb/search/query";
import { describe, expect, it } from "vitest";
import { SEED_PATTERN, seedNumber, seedText } from "./seed.ts";

describe("wallhaven seeds", () => {
  it("writes every seed the search can pick as six characters that read back to it", () => {
    for (const seed of [0, 1, 61, 62, 123_456, MAX_SEED]) {
      const text = seedText(seed);
      expect(text).toMatch(SEED_PATTERN);
      expect(seedNumber(text)).toBe(seed);
    }
  });

  it("gives a client's own seed a stable order within range, different seeds usually different orders", () => {
    expect(seedNumber("abc123")).toBe(seedNumber("abc123"));
    expect(seedNumber("ZZZZZZ")).toBeLessThanOrEqual(MAX_SEED);
    expect(seedNumber("abc123")).not.toBe(seedNumber("abc124"));
  });
});
