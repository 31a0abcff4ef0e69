/** pHash as PostgreSQL's signed bigint, from the 16-hex-digit form the imaging functions return. */
export function phashToBigint(hex: string): bigint {
  if (!/^[0-9a-f]{16}$/i.test(hex)) throw new Error(`not a 64-bit hash: ${hex}`);
  return BigInt.asIntN(64, BigInt(`0x${hex}`));
}

export function phashToHex(value: bigint): string {
  return BigInt.asUintN(64, value).toString(16).padStart(16, "0");
}

/** The four 16-bit chunks, most significant first: each is an indexed column. */
export function phashChunks(value: bigint): [number, number, number, number] {
  const unsigned = BigInt.asUintN(64, value);
  const chunk = (i: number) => Number((unsigned >> BigInt(48 - 16 * i)) & 0xffffn);
  return [chunk(0), chunk(1), chunk(2), chunk(3)];
}

/**
 * Every 16-bit value within `radius` bits of `chunk`. Multi-index hashing: if two hashes differ in at
 * most 8 bits, one of the four chunks differs in at most 2 (pigeonhole), so looking up each chunk's
 * 137 neighbours in its index finds every candidate; the exact distance is checked afterwards.
 */
export function chunkNeighbours(chunk: number, radius: number): number[] {
  const out = [chunk];
  let frontier = [{ value: chunk, lowestBit: 16 }];
  for (let r = 0; r < radius; r++) {
    const next: { value: number; lowestBit: number }[] = [];
    for (const { value, lowestBit } of frontier) {
      for (let bit = 0; bit < lowestBit; bit++) {
        const flipped = value ^ (1 << bit);
        out.push(flipped);
        next.push({ value: flipped, lowestBit: bit });
      }
    }
    frontier = next;
  }
  return out;
}

/** The chunk radius that guarantees every hash within `maxDistance` is a candidate. */
export function chunkRadius(maxDistance: number): number {
  return Math.floor(maxDistance / 4);
}

export function hammingDistance64(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x > 0n) {
    x &= x - 1n;
    count++;
  }
  return count;
}
