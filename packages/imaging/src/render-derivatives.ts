import { createHash } from "node:crypto";
import { configureSharp } from "@wallpaperdb/media";
import sharp, { type Sharp } from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import type { ImageAnalysis } from "./analysis.ts";
import { deriveImageFacts, type ImageFacts } from "./image-facts.ts";
import { releaseBuffers } from "./release-buffers.ts";
import { IMAGE_FORMATS, type ImageFormat, type ImageVariantKind, variantSize } from "./variant-kinds.ts";
import { centerCrop, fitLongEdge, type Size } from "./variant-sizes.ts";

export type VariantKind = ImageVariantKind;
export type VariantFormat = ImageFormat;

export interface RenderedVariant {
  kind: VariantKind;
  format: VariantFormat;
  width: number;
  height: number;
  data: Buffer;
  /** sha256 hex of data. */
  contentHash: string;
}

export interface ImageDerivatives {
  /** As displayed (after EXIF orientation). */
  width: number;
  height: number;
  facts: ImageFacts;
  /** thumb, medium and preview, each in the formats asked for (default: avif, webp and jpeg). */
  variants: RenderedVariant[];
  /** Base64 ThumbHash of a ≤100 px copy. */
  thumbhash: string;
  analysis: ImageAnalysis;
}

export interface RenderOptions {
  /** Refuse images with more pixels than this before decoding (default 100 MP, as media's MAX_IMAGE_PIXELS). */
  maxPixels?: number;
  /** 0 (fastest) – 9; default 0: sharp's default (4) costs ~30x a WebP here, effort 1 already 1.7x effort 0. */
  avifEffort?: number;
  /**
   * Formats to encode per kind; default every format for every kind. An empty list skips that kind
   * (the preview is still resized: the analysis is taken from it). The pipeline stores only what
   * browsers ask for first (its EAGER_FORMATS); the media route renders any other format on its first
   * request with `renderVariant` and stores it.
   */
  formats?: Partial<Record<VariantKind, readonly VariantFormat[]>>;
}

export const ALL_FORMATS: readonly VariantFormat[] = IMAGE_FORMATS;

const ANALYSIS_SMALL_EDGE = 512;
const ANALYSIS_NORMALIZED_EDGE = 1024;
const ANALYSIS_NATIVE_CROP = 1024;
const THUMBHASH_EDGE = 100;

// Measured on a 1440x1440 master here: AVIF effort 0 ≈ 0.8 s (effort 1: 1.4 s, 2: 1.8 s), WebP ≈ 0.2 s,
// JPEG 0.05 s plain vs 0.33 s with mozjpeg's trellis — so mozjpeg only for thumbs, the most-fetched files.
const MOZJPEG_MAX_PIXELS = 1_000_000;

export function encoderFor(format: VariantFormat, avifEffort: number, pixels: number) {
  return (image: Sharp): Sharp => {
    switch (format) {
      case "avif":
        return image.avif({ quality: 50, effort: avifEffort });
      case "webp":
        return image.webp({ quality: 80, effort: 3, smartSubsample: true });
      case "jpeg":
        return pixels <= MOZJPEG_MAX_PIXELS
          ? image.jpeg({ quality: 82, mozjpeg: true })
          : image.jpeg({ quality: 82, progressive: true, optimiseCoding: true });
    }
  };
}

interface RawImage extends Size {
  data: Buffer;
  channels: number;
}

function fromRaw(image: RawImage): Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
}

async function resizeRaw(source: RawImage, size: Size): Promise<RawImage> {
  if (size.width === source.width && size.height === source.height) return source;
  const data = await fromRaw(source).resize(size.width, size.height, { fit: "fill" }).raw().toBuffer();
  return { data, ...size, channels: 3 };
}

async function encodeVariants(
  kind: VariantKind,
  image: RawImage,
  avifEffort: number,
  formats: readonly VariantFormat[],
): Promise<RenderedVariant[]> {
  return Promise.all(
    formats.map(async (format) => {
      const data = await encoderFor(
        format,
        avifEffort,
        image.width * image.height,
      )(fromRaw(image)).toBuffer();
      const contentHash = createHash("sha256").update(data).digest("hex");
      return { kind, format, width: image.width, height: image.height, data, contentHash };
    }),
  );
}

async function grayOf(pipeline: Sharp): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await pipeline.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Decodes once: auto-oriented, alpha flattened onto black, converted to sRGB, metadata gone (raw pixels). */
async function decodeOriginal(input: string | Buffer, maxPixels: number): Promise<RawImage> {
  const { data, info } = await sharp(input, { limitInputPixels: maxPixels, failOn: "error" })
    .rotate()
    .flatten({ background: "#000000" })
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`Expected 3 channels after sRGB conversion, got ${info.channels}`);
  return { data, width: info.width, height: info.height, channels: 3 };
}

/**
 * Every derivative of one image from a single decode of the original: the decoded pixels are resized
 * once to the preview master, and thumb, medium, analysis planes and ThumbHash come from that in-memory
 * buffer (or, for a portrait's taller medium, from the decode).
 * Pure: reads `input`, returns buffers, writes nothing.
 */
export async function renderImageDerivatives(
  input: string | Buffer,
  options: RenderOptions = {},
): Promise<ImageDerivatives> {
  configureSharp();
  const avifEffort = options.avifEffort ?? 0;
  const original = await decodeOriginal(input, options.maxPixels ?? 100_000_000);
  const crop = centerCrop(original, ANALYSIS_NATIVE_CROP);
  const formatsOf = (kind: VariantKind) => options.formats?.[kind] ?? ALL_FORMATS;
  const [grayNative, preview] = await Promise.all([
    grayOf(fromRaw(original).extract(crop)),
    resizeRaw(original, variantSize.preview(original)),
  ]);
  // Each smaller kind is resized from the preview master when it fits inside it (always for landscapes),
  // else from the full decode (a portrait's medium is taller than its preview).
  const downscale = (kind: "thumb" | "medium"): Promise<RawImage | null> => {
    if (formatsOf(kind).length === 0) return Promise.resolve(null);
    const target = variantSize[kind](original);
    const fromPreview = target.width <= preview.width && target.height <= preview.height;
    return resizeRaw(fromPreview ? preview : original, target);
  };
  const [thumb, medium] = await Promise.all([downscale("thumb"), downscale("medium")]);
  // The full-resolution decode has served its uses; free it before the encodes run.
  const masters = [preview, thumb, medium].flatMap((image) => (image ? [image.data] : []));
  releaseBuffers([original.data], masters);

  const normalizedSize = fitLongEdge(original, ANALYSIS_NORMALIZED_EDGE, true);
  const encode = (kind: VariantKind, image: RawImage | null) =>
    image ? encodeVariants(kind, image, avifEffort, formatsOf(kind)) : Promise.resolve([]);
  const [previewVariants, mediumVariants, thumbVariants, normalized, small] = await Promise.all([
    encode("preview", preview),
    encode("medium", medium),
    encode("thumb", thumb),
    grayOf(fromRaw(preview).resize(normalizedSize.width, normalizedSize.height, { fit: "fill" })),
    resizeRaw(preview, fitLongEdge(preview, ANALYSIS_SMALL_EDGE)),
  ]);
  const hashSize = fitLongEdge(small, THUMBHASH_EDGE);
  const rgba = await fromRaw(small)
    .resize(hashSize.width, hashSize.height, { fit: "fill" })
    .ensureAlpha()
    .raw()
    .toBuffer();
  const thumbhash = Buffer.from(rgbaToThumbHash(hashSize.width, hashSize.height, rgba)).toString("base64");
  // Intermediates only; the analysis planes are returned (small may be the preview itself).
  releaseBuffers([...masters, rgba], [small.data, grayNative.data, normalized.data]);

  return {
    width: original.width,
    height: original.height,
    facts: deriveImageFacts(original.width, original.height),
    variants: [...thumbVariants, ...mediumVariants, ...previewVariants],
    thumbhash,
    analysis: {
      small: { data: small.data, width: small.width, height: small.height, channels: 3 },
      grayNative,
      normalized,
    },
  };
}
