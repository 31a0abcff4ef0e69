import type { ImageAnalysis } from "./analysis.ts";
import { rgbToOklab } from "./oklab.ts";
import { dctHashOf, hammingDistance } from "./perceptual-hash.ts";
import { lumaOf, resampleArea } from "./pixel-math.ts";

// Why this shape (measured on the whole corpus, numbers in docs/architecture.md "Near-duplicates"):
// one pHash of the whole picture links resized, recompressed and brightened copies, but a crop or an
// added border moves every frequency. Hashing centred crops of 100, 95, 90, 85 and 80 % of each side
// and comparing the whole-picture hash of one wallpaper with every crop hash of the other turns an
// 80–100 % crop, or a border of up to ~10 % (the original is a 91 % crop of the bordered copy), into a
// hash distance of at most 4 bits. The luma hash ignores colour and overall brightness, so the colour
// variants of one series (Ubuntu MATE Cold/Warm/Radioactive, GNOME's -d/-l pairs) hash as close as
// copies do; a coarse colour layout of each hashed crop tells them apart.

/** Centred crops hashed per wallpaper, in percent of each side; 100 is the whole picture. */
export const SIGNATURE_SCALES = [100, 95, 90, 85, 80] as const;
export type SignatureScale = (typeof SIGNATURE_SCALES)[number];

/** The colour layout is a grid of this many cells per side, each its mean colour in OKLab. */
export const LAYOUT_SIDE = 4;
export const LAYOUT_LENGTH = LAYOUT_SIDE * LAYOUT_SIDE * 3;

export interface CropHash {
  scale: SignatureScale;
  /** 64-bit pHash of the crop, 16 hex chars. */
  hash: string;
  /** LAYOUT_SIDE² cells, row-major, each [L, a, b]: what the luma hash cannot see. */
  layout: number[];
}

// The crops are cut from one area-averaged luma plane of this long edge (each crop is then ≥128 px
// for the 32x32 DCT): resampling the 512 px plane once instead of five times keeps the signature's
// CPU near the single pHash's (`pnpm bench:pipeline --hash-quality`).
const WORK_EDGE = 160;

/** One crop hash per SIGNATURE_SCALES entry, whole picture first. */
export function computeNearDuplicateSignature(analysis: Pick<ImageAnalysis, "small">): CropHash[] {
  const { width, height } = analysis.small;
  const shrink = Math.min(1, WORK_EDGE / Math.max(width, height));
  const workWidth = Math.max(1, Math.round(width * shrink));
  const workHeight = Math.max(1, Math.round(height * shrink));
  const luma = lumaOf(analysis.small);
  const work = shrink < 1 ? resampleArea(luma, width, height, workWidth, workHeight) : luma;
  return SIGNATURE_SCALES.map((scale) => {
    const w = Math.max(1, Math.round((workWidth * scale) / 100));
    const h = Math.max(1, Math.round((workHeight * scale) / 100));
    const left = Math.floor((workWidth - w) / 2);
    const top = Math.floor((workHeight - h) / 2);
    const crop = new Float64Array(w * h);
    for (let y = 0; y < h; y++) {
      const from = (top + y) * workWidth + left;
      crop.set(work.subarray(from, from + w), y * w);
    }
    // The colour layout of the same crop, from the full small plane.
    const ratio = width / workWidth;
    const box = [left, top, w, h].map((v) => Math.round(v * ratio)) as [number, number, number, number];
    return { scale, hash: dctHashOf(crop, w, h), layout: colourLayout(analysis.small, ...box) };
  });
}

function colourLayout(
  plane: ImageAnalysis["small"],
  left: number,
  top: number,
  w: number,
  h: number,
): number[] {
  const { data, width } = plane;
  const out: number[] = [];
  for (let gy = 0; gy < LAYOUT_SIDE; gy++) {
    const y0 = top + Math.floor((gy * h) / LAYOUT_SIDE);
    const y1 = Math.max(y0 + 1, top + Math.floor(((gy + 1) * h) / LAYOUT_SIDE));
    for (let gx = 0; gx < LAYOUT_SIDE; gx++) {
      const x0 = left + Math.floor((gx * w) / LAYOUT_SIDE);
      const x1 = Math.max(x0 + 1, left + Math.floor(((gx + 1) * w) / LAYOUT_SIDE));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = (y * width + x0) * 3, end = (y * width + x1) * 3; i < end; i += 3) {
          r += data[i] as number;
          g += data[i + 1] as number;
          b += data[i + 2] as number;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const [L, A, B] = rgbToOklab(r / n, g / n, b / n);
      out.push(round4(L), round4(A), round4(B));
    }
  }
  return out;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

// Calibration (corpus, 42 wallpapers and 10 kinds of copy): copies measure at most 0.027, the closest
// colour variants of one series 0.047 (Ubuntu MATE Cold vs Radioactive).
/** Colour layout distance at or below which two hash-near crops are the same picture. */
export const LAYOUT_LIMIT = 0.035;
// A brightness change scales every cell's L alike: the overall ratio is divided out, within these bounds.
const MAX_BRIGHTNESS_RATIO = 1.25;
// Chroma differences weigh three times L's (a recolour is what the luma hash misses) but fade out
// below L 0.2, where JPEG and 8-bit rounding swing hue freely; L differences under 0.04 are rounding.
const CHROMA_WEIGHT = 3;
const DARK_L = 0.2;
const L_SLACK = 0.04;

/**
 * Mean per-cell OKLab distance after dividing out an overall brightness change; Infinity when the
 * brightness differs by more than MAX_BRIGHTNESS_RATIO (a dark and a light variant are two pictures).
 */
export function layoutDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== LAYOUT_LENGTH || b.length !== LAYOUT_LENGTH) throw new RangeError("Not a colour layout");
  const cells = LAYOUT_LENGTH / 3;
  let lightA = 0;
  let lightB = 0;
  for (let i = 0; i < LAYOUT_LENGTH; i += 3) {
    lightA += a[i] as number;
    lightB += b[i] as number;
  }
  // The offset keeps near-black pictures from reading a tiny absolute change as a large ratio.
  const ratio = (lightA + 0.05 * cells) / (lightB + 0.05 * cells);
  if (ratio > MAX_BRIGHTNESS_RATIO || ratio < 1 / MAX_BRIGHTNESS_RATIO) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < LAYOUT_LENGTH; i += 3) {
    const lA = a[i] as number;
    const lB = (b[i] as number) * ratio;
    const weight = CHROMA_WEIGHT * Math.min(1, Math.max(lA, lB) / DARK_L);
    sum += Math.hypot(
      Math.max(0, Math.abs(lA - lB) - L_SLACK),
      weight * ((a[i + 1] as number) - (b[i + 1] as number)),
      weight * ((a[i + 2] as number) - (b[i + 2] as number)),
    );
  }
  return sum / cells;
}

/** Hash distance (bits) at or below which two crop hashes are candidates (copies measure ≤ 4). */
export const NEAR_DUPLICATE_BITS = 8;

/** Which crop pairs are compared: one side's whole picture against any crop of the other. */
export function comparedPair(scaleA: number, scaleB: number): boolean {
  return scaleA === 100 || scaleB === 100;
}

/**
 * The smallest hash distance over compared crop pairs whose colour layouts agree, or null when the
 * two wallpapers are not near-duplicates. The database lookup applies the same rule to its candidates.
 */
export function nearDuplicateDistance(
  a: readonly CropHash[],
  b: readonly CropHash[],
  maxBits = NEAR_DUPLICATE_BITS,
): number | null {
  let best: number | null = null;
  for (const x of a) {
    for (const y of b) {
      if (!comparedPair(x.scale, y.scale)) continue;
      const bits = hammingDistance(x.hash, y.hash);
      if (bits > maxBits || (best !== null && bits >= best)) continue;
      if (layoutDistance(x.layout, y.layout) <= LAYOUT_LIMIT) best = bits;
    }
  }
  return best;
}
