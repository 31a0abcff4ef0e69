import * as imaging from "@wallpaperdb/imaging";
import { type MediaLimits, validateVideo } from "@wallpaperdb/media";
import { BadMediaError } from "@wallpaperdb/pipeline";
import { withSpan } from "@wallpaperdb/telemetry";
import sharp from "sharp";

/**
 * The one module that runs decoders (sharp, ffmpeg) for the pipeline. Anything they throw means the
 * file cannot be processed, so it becomes a BadMediaError: the step fails at once instead of retrying.
 * Each call is a span (`sharp …`, `ffmpeg …`, `ffprobe …`) under the step's consumer span.
 */
function decoding<T>(span: string, what: string, work: () => Promise<T> | T): Promise<T> {
  const [tool = span] = span.split(" ");
  return withSpan(span, { "wallpaperdb.decoder": tool }, async () => {
    try {
      return await work();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new BadMediaError(`${what}: ${reason}`, { cause: error });
    }
  });
}

export type Analysis = imaging.ImageAnalysis;

/**
 * What the pipeline stores eagerly: AVIF of every kind, the format every current browser asks for
 * first. With libaom 3.15 at effort 0 it is also the cheapest encode and the smallest file at every size
 * (per image, encode alone: thumb 10 ms / 10 KiB against WebP's 30 ms / 15 KiB, preview 86 / 72 against
 * 304 / 130); the whole render costs 0.61 of the old set's CPU and stores 0.30 of its bytes, with the
 * medium added (`pnpm bench:pipeline`, docs/performance.md). WebP (older Safari) and JPEG (scripts, the
 * random endpoint) are rendered by the media route on their first request and stored then.
 */
export const EAGER_FORMATS = {
  thumb: ["avif"],
  medium: ["avif"],
  preview: ["avif"],
} as const satisfies Record<imaging.VariantKind, readonly imaging.VariantFormat[]>;

export const renderImageDerivatives = (input: string | Buffer) =>
  decoding("sharp render derivatives", "image cannot be decoded", () =>
    imaging.renderImageDerivatives(input, { formats: EAGER_FORMATS }),
  );

export const extractPosterFrame = (path: string, opts: imaging.VideoToolOptions) =>
  decoding("ffmpeg poster frame", "video poster frame cannot be extracted", () =>
    imaging.extractPosterFrame(path, opts),
  );

export const makePreviewClip = (path: string, opts: imaging.VideoToolOptions) =>
  decoding("ffmpeg preview clip", "video preview clip cannot be made", () =>
    imaging.makePreviewClip(path, opts),
  );

export const decodeAnalysis = (data: Buffer) =>
  decoding("analysis decode", "analysis cannot be read", () => imaging.decodeAnalysis(data));

export const {
  encodeAnalysis,
  computeQuality,
  QUALITY_VERSION,
  computeColorPalette,
  computeNearDuplicateSignature,
  releaseAnalysis,
  releaseBuffers,
} = imaging;

/** ffprobe facts (duration, codec, fps) under media's allow-lists; a refusal is a bad file. */
export const probeVideo = (path: string, limits: MediaLimits) =>
  decoding("ffprobe video", "video cannot be probed", () => validateVideo(path, limits));

/**
 * A stored variant as the detect step's input: 8-bit RGB fitting in `edge` px (never enlarged). The
 * variant, not the original, is decoded: ~640 px is all the detector looks at.
 */
export const decodeForDetection = (variant: Buffer, edge: number) =>
  decoding("sharp detection input", "variant cannot be decoded", async () => {
    const { data, info } = await sharp(variant)
      .resize(edge, edge, { fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
    };
  });
