/**
 * The versioned URL of a stored variant, as the media routes (`@wallpaperdb/media-serving`) answer it:
 * `v` is the content hash, so the URL changes whenever the bytes do and can be cached as immutable.
 */
export function variantUrl(id: string, kind: string, format: string, contentHash: string): string {
  return `/media/${id}/${kind}.${format}?v=${encodeURIComponent(contentHash)}`;
}
