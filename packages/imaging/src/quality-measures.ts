import type { GrayPlane } from "./analysis.ts";

const at = (plane: GrayPlane, x: number, y: number): number => plane.data[y * plane.width + x] ?? 0;

/** Variance of the 4-neighbour Laplacian: the classic focus measure (Pech-Pacheco et al. 2000). */
export function laplacianVariance(plane: GrayPlane): number {
  const { width, height } = plane;
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const v =
        at(plane, x - 1, y) +
        at(plane, x + 1, y) +
        at(plane, x, y - 1) +
        at(plane, x, y + 1) -
        4 * at(plane, x, y);
      sum += v;
      sumSquares += v * v;
      n++;
    }
  }
  if (n === 0) return 0;
  return sumSquares / n - (sum / n) ** 2;
}

/** Value at quantile q of small non-negative integers, from a histogram: no sort of a million values. */
function integerQuantile(values: Int32Array, maxValue: number, q: number): number {
  const histogram = new Int32Array(maxValue + 1);
  for (const value of values)
    histogram[Math.min(maxValue, value)] = (histogram[Math.min(maxValue, value)] ?? 0) + 1;
  const target = q * values.length;
  let seen = 0;
  for (let value = 0; value <= maxValue; value++) {
    seen += histogram[value] ?? 0;
    if (seen >= target) return value;
  }
  return maxValue;
}

/**
 * Noise σ in grey levels: Immerkær's (1996) mask — it cancels planes and ramps, leaving noise — averaged
 * over flat pixels only (the calmer half by Sobel magnitude), so texture is not counted as noise.
 */
export function noiseSigma(plane: GrayPlane): number {
  const { data, width, height } = plane;
  if (width < 3 || height < 3) return 0;
  const inner = (width - 2) * (height - 2);
  const residuals = new Int32Array(inner);
  const gradients = new Int32Array(inner);
  let i = 0;
  for (let y = 1; y < height - 1; y++) {
    const up = (y - 1) * width;
    const mid = y * width;
    const down = (y + 1) * width;
    for (let x = 1; x < width - 1; x++) {
      const a = data[up + x - 1] ?? 0,
        b = data[up + x] ?? 0,
        c = data[up + x + 1] ?? 0;
      const d = data[mid + x - 1] ?? 0,
        e = data[mid + x] ?? 0,
        f = data[mid + x + 1] ?? 0;
      const g = data[down + x - 1] ?? 0,
        h = data[down + x] ?? 0,
        k = data[down + x + 1] ?? 0;
      residuals[i] = Math.abs(a - 2 * b + c - 2 * d + 4 * e - 2 * f + g - 2 * h + k);
      gradients[i] = Math.abs(c + 2 * f + k - a - 2 * d - g) + Math.abs(g + 2 * h + k - a - 2 * b - c);
      i++;
    }
  }
  const calm = integerQuantile(gradients, 2040, 0.5);
  let sum = 0;
  let n = 0;
  for (let j = 0; j < inner; j++) {
    if ((gradients[j] ?? 0) > calm) continue;
    sum += residuals[j] ?? 0;
    n++;
  }
  // Immerkær: σ = √(π/2)·mean|r|/6, the mask's gain on white noise being √36 = 6.
  return n === 0 ? 0 : (Math.sqrt(Math.PI / 2) * sum) / n / 6;
}

/**
 * JPEG blockiness: mean |step| across columns/rows at each phase mod 8; a blocky image has one phase
 * (the block boundary) clearly above the others. Phase-agnostic, so crops and rotations do not matter.
 * Returns boundary / interior ratio averaged over both directions (≈1 when there are no blocks).
 */
export function blockinessRatio(plane: GrayPlane): number {
  const { width, height } = plane;
  const ratio = (horizontal: boolean): number => {
    const sums = new Float64Array(8);
    const counts = new Float64Array(8);
    for (let y = 0; y < height - (horizontal ? 0 : 1); y++) {
      for (let x = 0; x < width - (horizontal ? 1 : 0); x++) {
        const step = Math.abs(
          horizontal ? at(plane, x + 1, y) - at(plane, x, y) : at(plane, x, y + 1) - at(plane, x, y),
        );
        const phase = (horizontal ? x : y) % 8;
        sums[phase] = (sums[phase] ?? 0) + step;
        counts[phase] = (counts[phase] ?? 0) + 1;
      }
    }
    const means = Array.from(sums, (s, i) => s / Math.max(1, counts[i] ?? 0));
    const peak = Math.max(...means);
    const peakPhase = means.indexOf(peak);
    // A 4x upscale or a period-4 pattern peaks at two phases 4 apart; JPEG's 8x8 grid at one only.
    const others = means.filter((_, i) => i !== peakPhase && i !== (peakPhase + 4) % 8);
    const interior = others.reduce((a, b) => a + b, 0) / others.length;
    // A flat image has no steps at all: call it unblocked rather than dividing by ~0.
    if (interior < 0.05) return 1;
    return Math.min(peak / interior, peak / Math.max(0.05, means[(peakPhase + 4) % 8] ?? 0));
  };
  if (width < 16 || height < 16) return 1;
  return (ratio(true) + ratio(false)) / 2;
}

/**
 * Edge-width ratio for upscale detection: over the strongest 2 % of edges, Σ(2-px steps)² / Σ(1-px steps)².
 * A 1-px step edge — native rendering — gives ≈2; an edge spread over 2 px (a 2x upscale) ≈3, over 4 px
 * ≈3.5, and the ratio tends to 4 as edges get wider. Measured at native resolution, before any resize.
 */
export function edgeSpreadRatio(plane: GrayPlane): number | null {
  const { data, width, height } = plane;
  if (width < 4 || height < 4) return null;
  // Centered 2-px steps and the two 1-px steps each spans, horizontally then vertically per pixel.
  const count = 2 * (width - 2) * (height - 2);
  const magnitudes = new Int32Array(count);
  const single = new Float64Array(count);
  let i = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const c = data[y * width + x] ?? 0;
      const left = data[y * width + x - 1] ?? 0;
      const right = data[y * width + x + 1] ?? 0;
      const above = data[(y - 1) * width + x] ?? 0;
      const below = data[(y + 1) * width + x] ?? 0;
      magnitudes[i] = Math.abs(right - left);
      single[i++] = (right - c) ** 2 + (c - left) ** 2;
      magnitudes[i] = Math.abs(below - above);
      single[i++] = (below - c) ** 2 + (c - above) ** 2;
    }
  }
  const strong = integerQuantile(magnitudes, 255, 0.98);
  // Smooth gradients and flat art have no edges worth the name: no verdict rather than a guess.
  if (strong < 8) return null;
  let num = 0;
  let den = 0;
  for (let j = 0; j < count; j++) {
    const magnitude = magnitudes[j] ?? 0;
    if (magnitude < strong) continue;
    num += magnitude * magnitude;
    den += single[j] ?? 0;
  }
  return den === 0 ? null : (2 * num) / den;
}
