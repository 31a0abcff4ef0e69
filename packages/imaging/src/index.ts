export {
  decodeAnalysis,
  encodeAnalysis,
  type GrayPlane,
  type ImageAnalysis,
  type RgbPlane,
  releaseAnalysis,
} from "./analysis.ts";
export { type ColorPalette, computeColorPalette, type PaletteColor } from "./color-palette.ts";
export { deriveImageFacts, type ImageFacts, type Orientation, type ResolutionClass } from "./image-facts.ts";
export {
  type CropHash,
  comparedPair,
  computeNearDuplicateSignature,
  LAYOUT_LIMIT,
  layoutDistance,
  NEAR_DUPLICATE_BITS,
  nearDuplicateDistance,
  SIGNATURE_SCALES,
  type SignatureScale,
} from "./near-duplicate-signature.ts";
export { computePerceptualHash, hammingDistance, type PerceptualHash } from "./perceptual-hash.ts";
export {
  computeQuality,
  type ImageQuality,
  QUALITY_VERSION,
  type QualityComponents,
  qualityWeights,
} from "./quality.ts";
export { releaseBuffers } from "./release-buffers.ts";
export {
  ALL_FORMATS,
  type ImageDerivatives,
  type RenderedVariant,
  type RenderOptions,
  renderImageDerivatives,
  type VariantFormat,
  type VariantKind,
} from "./render-derivatives.ts";
export { type RenderVariantOptions, renderVariant } from "./render-variant.ts";
export {
  IMAGE_FORMATS,
  IMAGE_VARIANT_KINDS,
  type ImageFormat,
  type ImageVariantKind,
  isImageFormat,
  isImageVariantKind,
  variantSize,
} from "./variant-kinds.ts";
export {
  MEDIUM_BOX,
  mediumSize,
  PREVIEW_BOX,
  previewSize,
  THUMB_BOX,
  THUMB_MAX_LONG_EDGE,
  thumbSize,
} from "./variant-sizes.ts";
export {
  extractPosterFrame,
  makePreviewClip,
  type PreviewClip,
  type VideoToolOptions,
} from "./video-derivatives.ts";
