import { mediumSize, previewSize, type Size, thumbSize } from "./variant-sizes.ts";

/**
 * The one list of image variant kinds, smallest first: what the pipeline renders, the media route serves
 * (and renders lazily), the search cards carry and the page lists in `srcset`. Sharp-free, so the
 * browser and the search package can import it (`@wallpaperdb/imaging/variant-kinds`). A video's
 * `clip` is not an image kind; media-serving adds it.
 */
export const IMAGE_VARIANT_KINDS = ["thumb", "medium", "preview"] as const;
export type ImageVariantKind = (typeof IMAGE_VARIANT_KINDS)[number];

/** Every image variant can be had in each of these; which ones are stored eagerly is the pipeline's choice. */
export const IMAGE_FORMATS = ["avif", "webp", "jpeg"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export function isImageVariantKind(value: string): value is ImageVariantKind {
  return (IMAGE_VARIANT_KINDS as readonly string[]).includes(value);
}

export function isImageFormat(value: string): value is ImageFormat {
  return (IMAGE_FORMATS as readonly string[]).includes(value);
}

/** The pixel size of each kind for an original (as displayed), never upscaled (variant-sizes.ts). */
export const variantSize: Record<ImageVariantKind, (original: Size) => Size> = {
  thumb: thumbSize,
  medium: mediumSize,
  preview: previewSize,
};
