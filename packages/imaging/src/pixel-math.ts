import type { RgbPlane } from "./analysis.ts";

/** Rec. 709 luma of an interleaved RGB plane, as floats 0–255. */
export function lumaOf(plane: RgbPlane): Float64Array {
  const { data, width, height } = plane;
  const out = new Float64Array(width * height);
  for (let i = 0; i < out.length; i++) {
    out[i] = 0.2126 * (data[i * 3] ?? 0) + 0.7152 * (data[i * 3 + 1] ?? 0) + 0.0722 * (data[i * 3 + 2] ?? 0);
  }
  return out;
}

/**
 * Area-average resampling to an exact size (aspect not kept): every source pixel contributes by its
 * overlap, so hashes do not depend on which libvips kernel produced the small copy.
 */
export function resampleArea(
  values: ArrayLike<number>,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Float64Array {
  const out = new Float64Array(outWidth * outHeight);
  const weights = new Float64Array(outWidth * outHeight);
  const scaleX = outWidth / width;
  const scaleY = outHeight / height;
  for (let y = 0; y < height; y++) {
    const y0 = y * scaleY;
    const y1 = (y + 1) * scaleY;
    for (let x = 0; x < width; x++) {
      const x0 = x * scaleX;
      const x1 = (x + 1) * scaleX;
      const value = values[y * width + x] ?? 0;
      for (let oy = Math.floor(y0); oy < Math.min(outHeight, Math.ceil(y1)); oy++) {
        const wy = Math.min(y1, oy + 1) - Math.max(y0, oy);
        if (wy <= 0) continue;
        for (let ox = Math.floor(x0); ox < Math.min(outWidth, Math.ceil(x1)); ox++) {
          const w = wy * (Math.min(x1, ox + 1) - Math.max(x0, ox));
          if (w <= 0) continue;
          const o = oy * outWidth + ox;
          out[o] = (out[o] ?? 0) + value * w;
          weights[o] = (weights[o] ?? 0) + w;
        }
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / (weights[i] || 1);
  return out;
}

export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return 0;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Value at quantile q (0–1) of the values, by sorting a copy. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
