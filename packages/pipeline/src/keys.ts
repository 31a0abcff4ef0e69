/**
 * Deterministic blob keys: a rerun overwrites the same keys instead of leaving orphans. The public URL
 * still changes with the content, because media URLs carry the variant row's content_hash.
 */
export function variantKey(wallpaperId: string, kind: string, format: string): string {
  return `variants/${wallpaperId}/${kind}.${format}`;
}

/** The encoded analysis of the one decode; quality and color read this instead of the original. */
export function analysisKey(wallpaperId: string): string {
  return `derived/${wallpaperId}/analysis.bin`;
}

export function posterKey(wallpaperId: string): string {
  return `derived/${wallpaperId}/poster.png`;
}
