import { describe, expect, it } from "vitest";
import {
  chunkNeighbours,
  chunkRadius,
  hammingDistance64,
  phashChunks,
  phashToBigint,
  phashToHex,
} from "./phash.ts";

describe("pHash storage", () => {
  it("round-trips hex through PostgreSQL's signed bigint", () => {
    for (const hex of ["0000000000000000", "ffffffffffffffff", "8000000000000001", "0123456789abcdef"]) {
      expect(phashToHex(phashToBigint(hex))).toBe(hex);
    }
    expect(phashToBigint("ffffffffffffffff")).toBe(-1n);
  });

  it("splits into four 16-bit chunks, most significant first", () => {
    expect(phashChunks(phashToBigint("0123456789abcdef"))).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
  });

  it("lists each chunk's neighbours within the radius once", () => {
    const near = chunkNeighbours(0xabcd, 2);
    expect(near).toHaveLength(1 + 16 + 120);
    expect(new Set(near).size).toBe(near.length);
    for (const value of near) expect(hammingDistance64(BigInt(value), 0xabcdn)).toBeLessThanOrEqual(2);
  });

  it("finds every hash within distance 8 through one of its chunks", () => {
    const base = phashToBigint("f0e1d2c3b4a59687");
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let trial = 0; trial < 500; trial++) {
      let other = BigInt.asUintN(64, base);
      const flips = 1 + (random() % 8);
      for (let i = 0; i < flips; i++) other ^= 1n << BigInt(random() % 64);
      const otherChunks = phashChunks(other);
      const found = phashChunks(base).some((chunk, i) =>
        chunkNeighbours(chunk, chunkRadius(8)).includes(otherChunks[i] ?? -1),
      );
      expect(found).toBe(true);
    }
  });
});
