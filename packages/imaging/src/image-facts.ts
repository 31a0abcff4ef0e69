export type Orientation = "landscape" | "portrait" | "square";
export type ResolutionClass = "SD" | "HD" | "FHD" | "QHD" | "4K" | "5K" | "6K" | "8K";

export interface ImageFacts {
  width: number;
  height: number;
  /** width / height, rounded to 4 decimals. */
  aspectRatio: number;
  /** Common name such as "16:9" or "9:16", or null when no common ratio is within tolerance. */
  aspectName: string | null;
  orientation: Orientation;
  megapixels: number;
  resolutionClass: ResolutionClass;
}

// Landscape names; portrait images get the same names flipped ("9:16"). "21:9" is the marketing name of
// the 64:27 (2.370) ultrawide panels; 43:18 (3440x1440) also rounds to it within tolerance.
const namedRatios: [name: string, ratio: number][] = [
  ["1:1", 1],
  ["5:4", 5 / 4],
  ["4:3", 4 / 3],
  ["3:2", 3 / 2],
  ["16:10", 16 / 10],
  ["5:3", 5 / 3],
  ["16:9", 16 / 9],
  ["2:1", 2],
  ["21:9", 64 / 27],
  ["32:9", 32 / 9],
  ["48:9", 48 / 9],
];

/** Relative tolerance: 1366x768 (1.779) is 16:9, 3440x1440 (2.389) is 21:9, 1280x1024 is 5:4. */
const ASPECT_TOLERANCE = 0.015;

function nameAspect(longOverShort: number, portrait: boolean): string | null {
  let best: { name: string; error: number } | null = null;
  for (const [name, ratio] of namedRatios) {
    const error = Math.abs(longOverShort - ratio) / ratio;
    if (error <= ASPECT_TOLERANCE && (!best || error < best.error)) best = { name, error };
  }
  if (!best) return null;
  if (!portrait) return best.name;
  const [long, short] = best.name.split(":");
  return `${short}:${long}`;
}

/**
 * Classes by the long AND the short edge, so that an ultrawide 5120x1440 counts as QHD (its height),
 * not 5K, and a portrait 2160x3840 is 4K like its landscape twin. A class needs both edges at least:
 *   8K 7680x4320 · 6K 6016x3384 · 5K 5120x2880 · 4K 3840x2160 · QHD 2560x1440 · FHD 1920x1080 · HD 1280x720
 * with 2 % slack for the odd crop (3800x2140 is still 4K). Anything smaller is SD.
 */
const resolutionThresholds: [ResolutionClass, long: number, short: number][] = [
  ["8K", 7680, 4320],
  ["6K", 6016, 3384],
  ["5K", 5120, 2880],
  ["4K", 3840, 2160],
  ["QHD", 2560, 1440],
  ["FHD", 1920, 1080],
  ["HD", 1280, 720],
];
const RESOLUTION_SLACK = 0.98;

export function classifyResolution(width: number, height: number): ResolutionClass {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  for (const [name, minLong, minShort] of resolutionThresholds) {
    if (long >= minLong * RESOLUTION_SLACK && short >= minShort * RESOLUTION_SLACK) return name;
  }
  return "SD";
}

export function deriveImageFacts(width: number, height: number): ImageFacts {
  if (!(width > 0 && height > 0)) throw new RangeError(`Invalid image size ${width}x${height}`);
  const orientation: Orientation = width === height ? "square" : width > height ? "landscape" : "portrait";
  const longOverShort = Math.max(width, height) / Math.min(width, height);
  return {
    width,
    height,
    aspectRatio: Math.round((width / height) * 10_000) / 10_000,
    aspectName: nameAspect(longOverShort, orientation === "portrait"),
    orientation,
    megapixels: Math.round((width * height) / 10_000) / 100,
    resolutionClass: classifyResolution(width, height),
  };
}
