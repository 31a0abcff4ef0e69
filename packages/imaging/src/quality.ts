import type { ImageAnalysis } from "./analysis.ts";
import { blockinessRatio, edgeSpreadRatio, laplacianVariance, noiseSigma } from "./quality-measures.ts";
import type { Size } from "./variant-sizes.ts";

export interface QualityComponents {
  /** 0–1 from the effective megapixels (pixels / upscaleFactor²): 0.5 MP → 0, 8.3 MP (4K) → 1, log scale. */
  resolution: number;
  /** 0–1 from the variance of the Laplacian at 1024 px on the long edge. */
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
 * Weights. Detail (resolution + sharpness) is the base; noise and blocking multiply it, because an
 * artefact spoils a wallpaper whatever its resolution — and because noise inflates the Laplacian, a sum
 * would let added noise raise the score.
 */
export const qualityWeights = { resolution: 0.5, sharpness: 0.5, noiseFloor: 0.3, blockinessFloor: 0.4 };

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const MIN_MP = 0.5;
const FULL_MP = (3840 * 2160) / 1e6;
// Laplacian variance at which sharpness reaches 1 − 1/e; crisp photos at 1024 px measure 200–2000.
const SHARPNESS_SCALE = 120;
// σ (grey levels) that still reads as clean; beyond it the component halves every 4 levels or so.
const CLEAN_NOISE = 4;
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
  const resolution = clamp01(Math.log2(effectiveMegapixels / MIN_MP) / Math.log2(FULL_MP / MIN_MP));

  const sigmaNative = noiseSigma(analysis.grayNative);
  const laplacian = laplacianVariance(analysis.normalized);
  // Noise inflates the Laplacian too; that is why noise multiplies the score instead of being added.
  const sharpness = 1 - Math.exp(-laplacian / SHARPNESS_SCALE);
  const noise = 1 / (1 + (Math.max(0, sigmaNative - CLEAN_NOISE) / 4) ** 2);
  const ratio = blockinessRatio(analysis.grayNative);
  const blockiness = clamp01(1 - (ratio - 1.1));

  const w = qualityWeights;
  const detail = w.resolution * resolution + w.sharpness * sharpness;
  const artefacts =
    (w.noiseFloor + (1 - w.noiseFloor) * noise) * (w.blockinessFloor + (1 - w.blockinessFloor) * blockiness);
  const score = Math.round(1000 * detail * artefacts) / 10;
  return {
    score,
    components: {
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
