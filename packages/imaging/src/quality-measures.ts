import type { GrayPlane } from "./analysis.ts";

// These run on the worker's main thread for every wallpaper, so they are written as flat loops over the
// bytes with no per-pixel allocation or helper calls. A measure that needs a quantile bins by value (a
// histogram, and per-bin sums where that spares a second pass) instead of sorting a million values.
// Every sum is of integers, so the order of the additions cannot change a result.

/** Variance of the 4-neighbour Laplacian: the classic focus measure (Pech-Pacheco et al. 2000). */
export function laplacianVariance(plane: GrayPlane): number {
  const { data, width, height } = plane;
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      const v =
        (data[i - 1] as number) +
        (data[i + 1] as number) +
        (data[i - width] as number) +
        (data[i + width] as number) -
        4 * (data[i] as number);
      sum += v;
      sumSquares += v * v;
    }
    n += width - 2;
  }
  if (n <= 0) return 0;
  return sumSquares / n - (sum / n) ** 2;
}

/** Smallest value whose histogram count reaches quantile q of `total`: no sort of a million values. */
function histogramQuantile(histogram: Int32Array, total: number, q: number): number {
  const target = q * total;
  let seen = 0;
  for (let value = 0; value < histogram.length; value++) {
    seen += histogram[value] as number;
    if (seen >= target) return value;
  }
  return histogram.length - 1;
}

/**
 * Noise σ in grey levels: Immerkær's (1996) mask — it cancels planes and ramps, leaving noise — averaged
 * over flat pixels only (the calmer half by Sobel magnitude), so texture is not counted as noise.
 * One pass: the residuals are summed per Sobel magnitude, so "the calmer half" is a prefix of the bins.
 */
export function noiseSigma(plane: GrayPlane): number {
  const { data, width, height } = plane;
  if (width < 3 || height < 3) return 0;
  // Sobel magnitudes fit 0–2040; per magnitude: how many pixels, and the sum of their |residual|.
  const histogram = new Int32Array(2041);
  const residualSums = new Float64Array(2041);
  for (let y = 1; y < height - 1; y++) {
    const top = (y - 1) * width;
    const mid = top + width;
    const bottom = mid + width;
    // A 3x3 window sliding right: columns 0, 1, 2 are x-1, x, x+1; only column 2 is read per pixel.
    let t0 = data[top] as number;
    let m0 = data[mid] as number;
    let b0 = data[bottom] as number;
    let t1 = data[top + 1] as number;
    let m1 = data[mid + 1] as number;
    let b1 = data[bottom + 1] as number;
    for (let x = 2; x < width; x++) {
      const t2 = data[top + x] as number;
      const m2 = data[mid + x] as number;
      const b2 = data[bottom + x] as number;
      const gradient =
        Math.abs(t2 + 2 * m2 + b2 - t0 - 2 * m0 - b0) + Math.abs(b0 + 2 * b1 + b2 - t0 - 2 * t1 - t2);
      const residual = t0 - 2 * m0 + b0 - 2 * (t1 - 2 * m1 + b1) + t2 - 2 * m2 + b2;
      histogram[gradient] = (histogram[gradient] as number) + 1;
      residualSums[gradient] = (residualSums[gradient] as number) + Math.abs(residual);
      t0 = t1;
      m0 = m1;
      b0 = b1;
      t1 = t2;
      m1 = m2;
      b1 = b2;
    }
  }
  const calm = histogramQuantile(histogram, (width - 2) * (height - 2), 0.5);
  let sum = 0;
  let n = 0;
  for (let gradient = 0; gradient <= calm; gradient++) {
    sum += residualSums[gradient] as number;
    n += histogram[gradient] as number;
  }
  // Immerkær: σ = √(π/2)·mean|r|/6, the mask's gain on white noise being √36 = 6.
  return n === 0 ? 0 : (Math.sqrt(Math.PI / 2) * sum) / n / 6;
}

/** Boundary / interior ratio of the mean steps at each phase mod 8 (see blockinessRatio). */
function phaseRatio(sums: Float64Array, counts: Float64Array): number {
  const means = Array.from(sums, (s, i) => s / Math.max(1, counts[i] ?? 0));
  const peak = Math.max(...means);
  const peakPhase = means.indexOf(peak);
  // A 4x upscale or a period-4 pattern peaks at two phases 4 apart; JPEG's 8x8 grid at one only.
  const others = means.filter((_, i) => i !== peakPhase && i !== (peakPhase + 4) % 8);
  const interior = others.reduce((a, b) => a + b, 0) / others.length;
  // A flat image has no steps at all: call it unblocked rather than dividing by ~0.
  if (interior < 0.05) return 1;
  return Math.min(peak / interior, peak / Math.max(0.05, means[(peakPhase + 4) % 8] ?? 0));
}

/**
 * JPEG blockiness: mean |step| across columns/rows at each phase mod 8; a blocky image has one phase
 * (the block boundary) clearly above the others. Phase-agnostic, so crops and rotations do not matter.
 * Returns boundary / interior ratio averaged over both directions (≈1 when there are no blocks).
 */
export function blockinessRatio(plane: GrayPlane): number {
  const { data, width, height } = plane;
  if (width < 16 || height < 16) return 1;
  const hSums = new Float64Array(8);
  const hCounts = new Float64Array(8);
  const vSums = new Float64Array(8);
  const vCounts = new Float64Array(8);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width - 1; x++) {
      const phase = x & 7;
      hSums[phase] =
        (hSums[phase] as number) + Math.abs((data[row + x + 1] as number) - (data[row + x] as number));
    }
    if (y === height - 1) continue;
    let rowSum = 0;
    for (let x = 0; x < width; x++)
      rowSum += Math.abs((data[row + width + x] as number) - (data[row + x] as number));
    const phase = y & 7;
    vSums[phase] = (vSums[phase] as number) + rowSum;
    vCounts[phase] = (vCounts[phase] as number) + width;
  }
  for (let x = 0; x < width - 1; x++) hCounts[x & 7] = (hCounts[x & 7] as number) + height;
  return (phaseRatio(hSums, hCounts) + phaseRatio(vSums, vCounts)) / 2;
}

/**
 * Edge-width ratio for upscale detection: over the strongest 2 % of edges, Σ(2-px steps)² / Σ(1-px steps)².
 * A 1-px step edge — native rendering — gives ≈2; an edge spread over 2 px (a 2x upscale) ≈3, over 4 px
 * ≈3.5, and the ratio tends to 4 as edges get wider. Measured at native resolution, before any resize.
 */
export function edgeSpreadRatio(plane: GrayPlane): number | null {
  const { data, width, height } = plane;
  if (width < 4 || height < 4) return null;
  // Centered 2-px steps, horizontally and vertically per pixel: first their histogram, for the 98th
  // percentile, then the sums over the steps at or above it.
  const histogram = new Int32Array(256);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const horizontal = Math.abs((data[i + 1] as number) - (data[i - 1] as number));
      const vertical = Math.abs((data[i + width] as number) - (data[i - width] as number));
      histogram[horizontal] = (histogram[horizontal] as number) + 1;
      histogram[vertical] = (histogram[vertical] as number) + 1;
    }
  }
  const strong = histogramQuantile(histogram, 2 * (width - 2) * (height - 2), 0.98);
  // Smooth gradients and flat art have no edges worth the name: no verdict rather than a guess.
  if (strong < 8) return null;
  let num = 0;
  let den = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const c = data[i] as number;
      const left = data[i - 1] as number;
      const right = data[i + 1] as number;
      const above = data[i - width] as number;
      const below = data[i + width] as number;
      const horizontal = Math.abs(right - left);
      if (horizontal >= strong) {
        num += horizontal * horizontal;
        den += (right - c) ** 2 + (c - left) ** 2;
      }
      const vertical = Math.abs(below - above);
      if (vertical >= strong) {
        num += vertical * vertical;
        den += (below - c) ** 2 + (c - above) ** 2;
      }
    }
  }
  return den === 0 ? null : (2 * num) / den;
}
