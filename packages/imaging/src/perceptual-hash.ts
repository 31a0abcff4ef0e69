import type { ImageAnalysis } from "./analysis.ts";
import { lumaOf, median, resampleArea } from "./pixel-math.ts";

export interface PerceptualHash {
  /** 64-bit DCT hash, 16 hex chars: robust to resizing, recompression and small crops. */
  phash: string;
  /** 64-bit gradient (difference) hash, 16 hex chars: cheaper, a second opinion. */
  dhash: string;
}

const DCT_SIZE = 32;
const HASH_SIDE = 8;

const dctCosines = (() => {
  const table = new Float64Array(HASH_SIDE * DCT_SIZE);
  for (let u = 0; u < HASH_SIDE; u++) {
    for (let x = 0; x < DCT_SIZE; x++)
      table[u * DCT_SIZE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * DCT_SIZE));
  }
  return table;
})();

function bitsToHex(bits: boolean[]): string {
  let hex = "";
  for (let i = 0; i < bits.length; i += 4) {
    const nibble = (bits[i] ? 8 : 0) | (bits[i + 1] ? 4 : 0) | (bits[i + 2] ? 2 : 0) | (bits[i + 3] ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}

/** The lowest 8x8 frequencies of a 32x32 DCT-II (only those are ever needed). */
function lowFrequencies(pixels: Float64Array): Float64Array {
  const rows = new Float64Array(DCT_SIZE * HASH_SIDE);
  for (let y = 0; y < DCT_SIZE; y++) {
    for (let u = 0; u < HASH_SIDE; u++) {
      let sum = 0;
      for (let x = 0; x < DCT_SIZE; x++)
        sum += (pixels[y * DCT_SIZE + x] ?? 0) * (dctCosines[u * DCT_SIZE + x] ?? 0);
      rows[y * HASH_SIDE + u] = sum;
    }
  }
  const out = new Float64Array(HASH_SIDE * HASH_SIDE);
  for (let v = 0; v < HASH_SIDE; v++) {
    for (let u = 0; u < HASH_SIDE; u++) {
      let sum = 0;
      for (let y = 0; y < DCT_SIZE; y++)
        sum += (rows[y * HASH_SIDE + u] ?? 0) * (dctCosines[v * DCT_SIZE + y] ?? 0);
      out[v * HASH_SIDE + u] = sum;
    }
  }
  return out;
}

/**
 * The pHash bits of a luma plane (any size): the 32x32 area average, its lowest 8x8 DCT frequencies,
 * each AC term above their median. The DC term only says how bright the image is, so its bit is 0.
 */
export function dctHashOf(luma: ArrayLike<number>, width: number, height: number): string {
  const coefficients = lowFrequencies(resampleArea(luma, width, height, DCT_SIZE, DCT_SIZE));
  const threshold = median(coefficients.subarray(1));
  return bitsToHex(Array.from(coefficients, (c, i) => (i === 0 ? false : c > threshold)));
}

export function computePerceptualHash(analysis: Pick<ImageAnalysis, "small">): PerceptualHash {
  const { width, height } = analysis.small;
  const luma = lumaOf(analysis.small);
  const phash = dctHashOf(luma, width, height);

  const grid = resampleArea(luma, width, height, HASH_SIDE + 1, HASH_SIDE);
  const dhashBits: boolean[] = [];
  for (let y = 0; y < HASH_SIDE; y++) {
    for (let x = 0; x < HASH_SIDE; x++) {
      dhashBits.push((grid[y * (HASH_SIDE + 1) + x] ?? 0) < (grid[y * (HASH_SIDE + 1) + x + 1] ?? 0));
    }
  }
  return { phash, dhash: bitsToHex(dhashBits) };
}

/** Number of differing bits between two equally long hex hashes. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new RangeError("Hashes of different lengths");
  if (!/^[0-9a-f]*$/i.test(a + b)) throw new RangeError("Not a hex hash");
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    let x = Number.parseInt(a.charAt(i), 16) ^ Number.parseInt(b.charAt(i), 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
}
