import type { ImageAnalysis } from "./analysis.ts";
import { kMeans } from "./kmeans.ts";
import { namedColorsOf, nearestNamedColor } from "./named-palette.ts";
import { type Oklab, oklabToHex, rgbToOklab } from "./oklab.ts";

export interface PaletteColor {
  hex: string;
  oklab: Oklab;
  /** Share of the image's pixels nearest to this color, 0–1; fractions sum to 1. */
  fraction: number;
  /**
   * Nearest color of the named search palette (wallhaven's 29), by OKLab distance: a fact about this
   * entry only. Whether the wallpaper HAS a named colour is `ColorPalette.names` (the one colour rule).
   */
  name: string;
  nameHex: string;
}

export interface ColorPalette {
  /** Up to 5, largest fraction first; fewer when the image has fewer distinct colors (near-twins merge). */
  colors: PaletteColor[];
  /**
   * The named colours the wallpaper has by the one colour rule (`namedColorsOf`), applied to the
   * entries as stored (float4), so a backfill from the stored palette gives the same names.
   */
  names: string[];
  brightness: "dark" | "light";
  /** Mean OKLab lightness, 0 (black) – 1 (white). */
  luminance: number;
  /** Grayscale in effect: under 5 % of the pixels carry visible chroma. */
  monochrome: boolean;
}

const PALETTE_SIZE = 5;
// ~16k samples keep k-means under ~50 ms while a 512 px copy has up to 262k pixels.
const MAX_SAMPLES = 16_384;
// OKLab lightness 0.5 is perceptual mid-grey (sRGB ≈ #636363); below reads as a dark wallpaper.
const DARK_BELOW = 0.5;
// Chroma (√(a²+b²)) of 0.04 is a just-visibly tinted grey.
const VISIBLE_CHROMA = 0.04;
const MONOCHROME_MAX_CHROMATIC = 0.05;
const SEED = 29;

interface Cluster {
  center: Float64Array;
  count: number;
}

// Two swatches closer than this look the same; k-means splits a flat area that way when the rest of the
// image has fewer than 5 colors (plus resampling fringes), which would list one color twice.
const SAME_COLOR_DISTANCE = 0.03;

function mergeNearDuplicates(clusters: Cluster[]): Cluster[] {
  const kept: Cluster[] = [];
  for (const cluster of [...clusters].sort((x, y) => y.count - x.count)) {
    const twin = kept.find(
      (k) =>
        Math.hypot(
          (k.center[0] ?? 0) - (cluster.center[0] ?? 0),
          (k.center[1] ?? 0) - (cluster.center[1] ?? 0),
          (k.center[2] ?? 0) - (cluster.center[2] ?? 0),
        ) < SAME_COLOR_DISTANCE,
    );
    if (!twin) {
      kept.push({ center: Float64Array.from(cluster.center), count: cluster.count });
      continue;
    }
    const total = twin.count + cluster.count;
    for (let d = 0; d < 3; d++) {
      twin.center[d] =
        ((twin.center[d] ?? 0) * twin.count + (cluster.center[d] ?? 0) * cluster.count) / total;
    }
    twin.count = total;
  }
  return kept;
}

export function computeColorPalette(analysis: Pick<ImageAnalysis, "small">): ColorPalette {
  const { data, width, height } = analysis.small;
  const pixels = width * height;
  if (pixels === 0) throw new RangeError("Empty image");
  const stride = Math.max(1, Math.floor(pixels / MAX_SAMPLES));
  const samples = Math.ceil(pixels / stride);
  const points = new Float64Array(samples * 3);
  let lightness = 0;
  let chromatic = 0;
  for (let s = 0; s < samples; s++) {
    const offset = s * stride * 3;
    const lab = rgbToOklab(data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0);
    points.set(lab, s * 3);
    lightness += lab[0];
    if (Math.hypot(lab[1], lab[2]) > VISIBLE_CHROMA) chromatic++;
  }
  const { centers, counts } = kMeans(points, 3, PALETTE_SIZE, SEED);
  const colors = mergeNearDuplicates(
    centers.map((center, i) => ({ center, count: counts[i] ?? 0 })).filter(({ count }) => count > 0),
  )
    .sort((x, y) => y.count - x.count)
    .map(({ center, count }): PaletteColor => {
      const oklab: Oklab = [center[0] ?? 0, center[1] ?? 0, center[2] ?? 0];
      const named = nearestNamedColor(oklab);
      return {
        hex: oklabToHex(oklab),
        oklab,
        fraction: count / samples,
        name: named.name,
        nameHex: named.hex,
      };
    });
  const luminance = lightness / samples;
  const stored = colors.map(({ oklab: [l, a, b], fraction }) => ({
    l: Math.fround(l),
    a: Math.fround(a),
    b: Math.fround(b),
    fraction: Math.fround(fraction),
  }));
  return {
    colors,
    names: namedColorsOf(stored),
    brightness: luminance < DARK_BELOW ? "dark" : "light",
    luminance,
    monochrome: chromatic / samples < MONOCHROME_MAX_CHROMATIC,
  };
}
