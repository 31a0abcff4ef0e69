// HEIF is the one image format accepted at upload that browsers do not decode.
const browserImageTypes = new Set(["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"]);

/**
 * What the full-size view shows at 100 %: the original (the URL the downloads panel offers) when the
 * browser can decode it, else the preview in the format the browser accepts (the largest variant),
 * stretched to the original's size.
 */
export function fullSizeUrl(view: { id: string; mimeType: string }): string {
  return browserImageTypes.has(view.mimeType) ? `/media/${view.id}/original` : `/media/${view.id}/preview`;
}
