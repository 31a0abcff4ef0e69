import * as imaging from "@wallpaperdb/imaging";
import { type MediaLimits, validateVideo } from "@wallpaperdb/media";
import { BadMediaError } from "@wallpaperdb/pipeline";
import { withSpan } from "@wallpaperdb/telemetry";
import type { PipelineRender } from "../render/pipeline-render.ts";
import { type ImageRenderer, RenderFailedError } from "../render/render-pool.ts";

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
 * The variants step's decode and encodes, on the render pool's threads. The decoder's refusal is a bad
 * file; a render thread that died is not (RenderThreadExitedError passes through and is retried).
 */
export function renderForPipeline(renderer: ImageRenderer, source: Buffer): Promise<PipelineRender> {
  return withSpan("sharp render derivatives", { "wallpaperdb.decoder": "sharp" }, async () => {
    try {
      return await renderer.render(source);
    } catch (error) {
      if (!(error instanceof RenderFailedError)) throw error;
      throw new BadMediaError(`image cannot be decoded: ${error.message.split("\n")[0]}`, { cause: error });
    }
  });
}

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

export const { computeQuality, computeColorPalette } = imaging;

/** ffprobe facts (duration, codec, fps) under media's allow-lists; a refusal is a bad file. */
export const probeVideo = (path: string, limits: MediaLimits) =>
  decoding("ffprobe video", "video cannot be probed", () => validateVideo(path, limits));
