import { AppError } from "@wallpaperdb/core/errors";
import sharp from "sharp";
import { configureSharp } from "./configure-sharp.ts";
import type { MediaLimits } from "./env.ts";
import { type ImageFormat, imageMimeTypes, rejectionMessage } from "./media-types.ts";
import { sniffFile } from "./sniff.ts";
import { jpegFileStructureProblem } from "./structure.ts";

export interface ValidatedImage {
  mediaType: "image";
  format: ImageFormat;
  mimeType: string;
  /** As displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
  /** Frames in an animated GIF/WebP/AVIF; 1 for still images. */
  pages: number;
}

// Edge length of the throwaway decode: small enough that JPEG/WebP decode with shrink-on-load.
const PROBE_EDGE = 64;

// libvips reports HEIF as "heif" for both AVIF and HEIC; the sniffed format is the precise one.
function loaderAgrees(sniffed: ImageFormat, loader: string | undefined): boolean {
  if (sniffed === "avif" || sniffed === "heif") return loader === "heif";
  return loader === sniffed;
}

function corrupt(message: string, cause: unknown): AppError {
  return new AppError("corrupt", message, undefined, { cause });
}

function tooManyPixels(width: number, height: number, max: number): AppError {
  return new AppError(
    "too_many_pixels",
    `The image is ${width}x${height} (${width * height} pixels); at most ${max} pixels are accepted.`,
    { width, height, maxPixels: max },
  );
}

async function readHeader(path: string, maxPixels: number) {
  try {
    // limitInputPixels is checked against the header before any pixel buffer is allocated.
    return await sharp(path, { limitInputPixels: maxPixels, failOn: "error" }).metadata();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError(
        "too_many_pixels",
        `The image has more than ${maxPixels} pixels.`,
        { maxPixels },
        {
          cause: error,
        },
      );
    }
    throw corrupt("The image header cannot be read; the file is damaged or not really an image.", error);
  }
}

/** A decode to 64 px, cheap with shrink-on-load (baseline JPEG at 1/8); fails on truncation and decoder errors. */
async function probeDecode(path: string, format: ImageFormat, maxPixels: number): Promise<void> {
  try {
    await sharp(path, { limitInputPixels: maxPixels, failOn: "error", sequentialRead: true })
      .resize({ width: PROBE_EDGE, height: PROBE_EDGE, fit: "inside" })
      .raw()
      .toBuffer();
  } catch (error) {
    if (format === "heif" && error instanceof Error && /compression|codec|plugin/i.test(error.message)) {
      throw new AppError(
        "unsupported_type",
        "HEIC images (HEVC-compressed HEIF) are not accepted; use AVIF or JPEG.",
        undefined,
        {
          cause: error,
        },
      );
    }
    throw corrupt("The image is truncated or damaged and cannot be decoded.", error);
  }
}

/**
 * Establishes that `path` is an allowed, whole image: magic bytes, then a header read under a pixel cap,
 * then a cheap probe decode that fails on truncation and decoder errors. Two formats skip the probe,
 * which would cost them nearly a full decode (~200 ms for a 4K WebP): WebP, whose header read already
 * goes through libwebp's demuxer (every chunk within the file, the VP8 frame header and first partition
 * size checked: what the probe caught), and progressive JPEG, whose markers are walked instead
 * (structure.ts). Damage inside their bitstreams fails the variants step's decode. Throws AppError.
 */
export async function validateImage(
  path: string,
  limits: Pick<MediaLimits, "maxImagePixels">,
): Promise<ValidatedImage> {
  configureSharp();
  const sniffed = await sniffFile(path);
  if (sniffed.kind === "rejected") throw new AppError("unsupported_type", rejectionMessage(sniffed.family));
  if (sniffed.kind !== "image") throw new AppError("unsupported_type", "This file is a video, not an image.");

  const header = await readHeader(path, limits.maxImagePixels);
  if (!loaderAgrees(sniffed.format, header.format)) {
    throw corrupt(`The file starts like ${sniffed.format} but does not decode as one.`, header.format);
  }
  const frameWidth = header.width;
  const frameHeight = header.pageHeight ?? header.height;
  if (!(frameWidth > 0 && frameHeight > 0)) throw corrupt("The image has no dimensions.", header);
  // Checked here too: sharp's check covers the first frame, this one also covers the declared canvas.
  if (frameWidth * frameHeight > limits.maxImagePixels) {
    throw tooManyPixels(frameWidth, frameHeight, limits.maxImagePixels);
  }

  if (sniffed.format === "jpeg" && header.isProgressive) {
    // (isProgressive is also set for interlaced PNG and GIF, which keep the probe.)
    const problem = await jpegFileStructureProblem(path);
    if (problem) throw corrupt(`The image is truncated or damaged: ${problem}.`, problem);
  } else if (sniffed.format !== "webp") {
    await probeDecode(path, sniffed.format, limits.maxImagePixels);
  }

  const displayed = header.autoOrient ?? { width: frameWidth, height: frameHeight };
  return {
    mediaType: "image",
    format: sniffed.format,
    mimeType: imageMimeTypes[sniffed.format],
    width: displayed.width,
    height: displayed.height,
    pages: header.pages ?? 1,
  };
}
