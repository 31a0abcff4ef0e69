import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

type EnvSource = Record<string, string | undefined>;

const MIB = 1024 * 1024;

const mediaEnvSchema = z.object({
  MAX_UPLOAD_BYTES: envField.positiveInt().default(200 * MIB),
  // 100 million pixels admits 8K (33 MP), 8K ultra-wide (7680x3200) and 16K-wide panoramas with room to spare,
  // while a pixel flood declaring billions of pixels is refused before libvips allocates anything.
  MAX_IMAGE_PIXELS: envField.positiveInt().default(100_000_000),
  MAX_VIDEO_SECONDS: envField.positiveInt().default(120),
  MAX_VIDEO_WIDTH: envField.positiveInt().default(7680),
  MAX_VIDEO_HEIGHT: envField.positiveInt().default(4320),
  FFPROBE_TIMEOUT_MS: envField.positiveInt().default(15_000),
  FFPROBE_PATH: z.string().trim().min(1).default("ffprobe"),
  FFMPEG_PATH: z.string().trim().min(1).default("ffmpeg"),
});

export interface MediaLimits {
  maxUploadBytes: number;
  maxImagePixels: number;
  maxVideoSeconds: number;
  /** Video limits are orientation-independent: a portrait 4320x7680 clip passes a 7680x4320 cap. */
  maxVideoWidth: number;
  maxVideoHeight: number;
  /** Applies to each ffprobe/ffmpeg run; the process is killed when it expires. */
  ffprobeTimeoutMs: number;
  ffprobePath: string;
  ffmpegPath: string;
}

export function loadMediaLimits(source: EnvSource = process.env): MediaLimits {
  const env = parseEnv(mediaEnvSchema, source);
  return {
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    maxImagePixels: env.MAX_IMAGE_PIXELS,
    maxVideoSeconds: env.MAX_VIDEO_SECONDS,
    maxVideoWidth: env.MAX_VIDEO_WIDTH,
    maxVideoHeight: env.MAX_VIDEO_HEIGHT,
    ffprobeTimeoutMs: env.FFPROBE_TIMEOUT_MS,
    ffprobePath: env.FFPROBE_PATH,
    ffmpegPath: env.FFMPEG_PATH,
  };
}
