import { HASH_CHUNKS } from "@wallpaperdb/db";
import { describe, expect, it } from "vitest";
import { hashChunk, hashChunkRadius, neighbours } from "./near-duplicates-index.ts";
import { hammingDistance64, phashToBigint } from "./phash.ts";

const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);

describe("near-duplicate hash chunks", () => {
  it("cut the 64 bits into 22 + 21 + 21, most significant first", () => {
    expect(HASH_CHUNKS.reduce((sum, chunk) => sum + chunk.bits, 0)).toBe(64);
    const hash = phashToBigint("fffffc0000000001");
    expect([0, 1, 2].map((i) => hashChunk(hash, i))).toEqual([0x3fffff, 0, 1]);
    expect([0, 1, 2].map((i) => hashChunk(phashToBigint("ffffffffffffffff"), i))).toEqual([
      0x3fffff, 0x1fffff, 0x1fffff,
    ]);
  });

  it("list every value within the radius once, each within it", () => {
    for (const [value, bits, radius] of [
      [0, 21, 2],
      [0x3fffff, 22, 2],
      [12345, 21, 3],
      [7, 21, 0],
    ] as const) {
      const found = neighbours(value, bits, radius);
      const expected = Array.from({ length: radius + 1 }, (_, k) => choose(bits, k)).reduce((a, b) => a + b);
      expect(found.length).toBe(expected);
      expect(new Set(found).size).toBe(found.length);
      for (const other of found) {
        expect(other).toBeLessThan(2 ** bits);
        expect(hammingDistance64(BigInt(value), BigInt(other))).toBeLessThanOrEqual(radius);
      }
    }
  });

  it("take a radius that the pigeonhole bound needs: within 8 bits, one of three chunks is within 2", () => {
    expect(hashChunkRadius(8)).toBe(2);
    expect(hashChunkRadius(5)).toBe(1);
    expect(hashChunkRadius(2)).toBe(0);
  });
});
