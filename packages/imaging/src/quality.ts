import type { ImageAnalysis } from "./analysis.ts";
import { blockinessRatio, edgeSpreadRatio, laplacianVariance, noiseSigma } from "./quality-measures.ts";
import type { Size } from "./variant-sizes.ts";

export interface QualityComponents {
  /** QUALITY_VERSION of the formula that produced the score. */
  version: number;
  /** 0–1 from the megapixels less a damped upscale (pixels / upscaleFactor^0.66): 0.5 MP → 0, 8.3 MP (4K) → 1, log scale. */
  resolution: number;
  /** 0–1 from the variance of the Laplacian at 1024 px on the long edge, log scale (500 → 1). */
  sharpness: number;
  /** 0–1, 1 = clean: from the noise σ at native resolution. */
  noise: number;
  /** 0–1, 1 = no visible JPEG blocks. */
  blockiness: number;
  upscaled: boolean;
  /** Estimated enlargement (1, 2, 4…) when the edges say the pixels hold less detail than their count. */
  upscaleFactor?: number;
  effectiveMegapixels: number;
  laplacianVariance: number;
  noiseSigma: number;
  blockinessRatio: number;
  /** Edge spread ratio at native resolution; null when the image has too few edges to judge. */
  edgeSpread: number | null;
}

export interface ImageQuality {
  /** 0–100. */
  score: number;
  components: QualityComponents;
}

/**
 * Which formula produced a stored score: the analysis backfill re-scores rows of an older version.
 * 1: detail (resolution + linear sharpness) × artefacts; soft, misty or minimal pictures scored 20–40.
 * 2: see qualityWeights.
 */
export const QUALITY_VERSION = 2;

/**
 * Weights (version 2), fitted on the shared corpus so that every native wallpaper of at least
 * 1920x1080 scores 50 or more while its σ3 blur, JPEG q15 and 4x down-up copies each score lower
 * (packages/imaging/test/quality-corpus.int.test.ts). A base of 0.3 means a picture is not a defect for
 * being soft, dark or minimal; sharpness counts on a log scale, so a misty photo (Laplacian ~12) keeps
 * most of a crisp one's credit while a blurred copy (~3) loses it; the edge-spread upscale estimate
 * enters damped (factor^0.33), because soft native art spreads its edges too. Noise and blocks still
 * multiply, from a higher threshold than before: the corpus's JPEG sources and painted textures
 * measure σ up to 7.6 and a block ratio up to 1.7 and look clean.
 */
export const qualityWeights = {
  base: 0.3,
  resolution: 0.27,
  sharpness: 0.43,
  noiseFloor: 0.6,
  blockinessFloor: 0.6,
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const MIN_MP = 0.5;
const FULL_MP = (3840 * 2160) / 1e6;
// Laplacian variance (at 1024 px) at which sharpness reaches 1, on a log scale.
const SHARP_LAPLACIAN = 500;
// σ (grey levels) that still reads as clean; beyond it the component halves every 4 levels or so.
const CLEAN_NOISE = 8;
// Block ratio at which blocking starts to count, and the rise over which it goes from 1 to 0.
const BLOCKS_KNEE = 1.15;
const BLOCKS_SPAN = 2.3;
// How much of the estimated enlargement reduces the effective megapixels.
const UPSCALE_DAMPING = 0.33;
// Edge spread → enlargement factor, calibrated on corpus images and their 2x/4x lanczos upscales.
const spreadKnots: [spread: number, factor: number][] = [
  [3.5, 1],
  [3.7, 2],
  [3.9, 4],
  [3.98, 8],
];
const UPSCALED_FROM_FACTOR = 1.9;

export function upscaleFactorFromSpread(spread: number | null): number {
  if (spread === null) return 1;
  const first = spreadKnots[0] as [number, number];
  if (spread <= first[0]) return 1;
  for (let i = 1; i < spreadKnots.length; i++) {
    const [s0, f0] = spreadKnots[i - 1] as [number, number];
    const [s1, f1] = spreadKnots[i] as [number, number];
    if (spread <= s1)
      return 2 ** (Math.log2(f0) + ((spread - s0) / (s1 - s0)) * (Math.log2(f1) - Math.log2(f0)));
  }
  return (spreadKnots[spreadKnots.length - 1] as [number, number])[1];
}

export function computeQuality(analysis: ImageAnalysis, size: Size): ImageQuality {
  const edgeSpread = edgeSpreadRatio(analysis.grayNative);
  const factor = upscaleFactorFromSpread(edgeSpread);
  const upscaled = factor >= UPSCALED_FROM_FACTOR;
  const megapixels = (size.width * size.height) / 1e6;
  const effectiveMegapixels = megapixels / factor ** 2;
  const resolution = clamp01(
    Math.log2(megapixels / factor ** (2 * UPSCALE_DAMPING) / MIN_MP) / Math.log2(FULL_MP / MIN_MP),
  );

  const sigmaNative = noiseSigma(analysis.grayNative);
  const laplacian = laplacianVariance(analysis.normalized);
  // Noise inflates the Laplacian too; that is why noise multiplies the score instead of being added.
  const sharpness = clamp01(Math.log1p(laplacian) / Math.log1p(SHARP_LAPLACIAN));
  const noise = 1 / (1 + (Math.max(0, sigmaNative - CLEAN_NOISE) / 4) ** 2);
  const ratio = blockinessRatio(analysis.grayNative);
  const blockiness = clamp01(1 - (ratio - BLOCKS_KNEE) / BLOCKS_SPAN);

  const w = qualityWeights;
  const detail = w.base + w.resolution * resolution + w.sharpness * sharpness;
  const artefacts =
    (w.noiseFloor + (1 - w.noiseFloor) * noise) * (w.blockinessFloor + (1 - w.blockinessFloor) * blockiness);
  const score = Math.round(1000 * detail * artefacts) / 10;
  return {
    score,
    components: {
      version: QUALITY_VERSION,
      resolution,
      sharpness,
      noise,
      blockiness,
      upscaled,
      ...(upscaled ? { upscaleFactor: Math.round(factor * 10) / 10 } : {}),
      effectiveMegapixels: Math.round(effectiveMegapixels * 100) / 100,
      laplacianVariance: laplacian,
      noiseSigma: sigmaNative,
      blockinessRatio: ratio,
      edgeSpread,
    },
  };
}
