import { AppError } from "@wallpaperdb/core/errors";
import type { MediaLimits } from "./env.ts";
import { decodeFirstFrame, type ProbeResult, type ProbeStream, probeVideo } from "./ffprobe.ts";
import { rejectionMessage, type VideoFormat, videoMimeTypes } from "./media-types.ts";
import { sniffFile } from "./sniff.ts";

export const allowedVideoCodecs = ["h264", "hevc", "vp8", "vp9", "av1"] as const;
export type VideoCodec = (typeof allowedVideoCodecs)[number];

export interface ValidatedVideo {
  mediaType: "video";
  format: VideoFormat;
  mimeType: string;
  /** As displayed, i.e. after the container's rotation. */
  width: number;
  height: number;
  durationMs: number;
  codec: VideoCodec;
  fps: number | null;
}

type VideoLimits = Pick<
  MediaLimits,
  "maxVideoSeconds" | "maxVideoWidth" | "maxVideoHeight" | "ffprobeTimeoutMs" | "ffprobePath" | "ffmpegPath"
>;

function isAllowedCodec(codec: string | undefined): codec is VideoCodec {
  return allowedVideoCodecs.some((allowed) => allowed === codec);
}

function parseRate(rate: string | undefined): number | null {
  const [num, den] = (rate ?? "").split("/").map(Number);
  if (!num || !den || !Number.isFinite(num / den)) return null;
  return Math.round((num / den) * 1000) / 1000;
}

function durationSeconds(probe: ProbeResult, stream: ProbeStream): number | null {
  for (const value of [probe.format?.duration, stream.duration]) {
    const seconds = Number(value);
    if (value !== undefined && Number.isFinite(seconds) && seconds > 0) return seconds;
  }
  return null;
}

function isQuarterTurn(stream: ProbeStream): boolean {
  const rotation =
    stream.side_data_list?.find((data) => data.rotation !== undefined)?.rotation ??
    Number(stream.tags?.rotate ?? 0);
  return Math.abs(rotation) % 180 === 90;
}

/** ffprobe (and a one-frame ffmpeg decode) under allow-lists and a timeout; throws AppError. */
export async function validateVideo(path: string, limits: VideoLimits): Promise<ValidatedVideo> {
  const sniffed = await sniffFile(path);
  if (sniffed.kind === "rejected") throw new AppError("unsupported_type", rejectionMessage(sniffed.family));
  if (sniffed.kind !== "video") throw new AppError("unsupported_type", "This file is an image, not a video.");

  const probe = await probeVideo(path, sniffed.format, limits);
  const stream = probe.streams?.find((s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1);
  if (!stream) {
    const hasAudio = probe.streams?.some((s) => s.codec_type === "audio") ?? false;
    const what = hasAudio ? "Audio-only files are not accepted" : "The file contains no video stream";
    throw new AppError("unsupported_type", `${what}; upload a video with a picture.`);
  }
  if (!isAllowedCodec(stream.codec_name)) {
    throw new AppError(
      "unsupported_type",
      `Video codec "${stream.codec_name ?? "unknown"}" is not accepted; use H.264, HEVC, VP8, VP9 or AV1.`,
      { codec: stream.codec_name },
    );
  }
  const seconds = durationSeconds(probe, stream);
  if (seconds === null) throw new AppError("corrupt", "The video's duration cannot be determined.");
  if (seconds > limits.maxVideoSeconds) {
    throw new AppError(
      "too_long",
      `The video is ${Math.round(seconds)} s long; at most ${limits.maxVideoSeconds} s are accepted.`,
      { durationSeconds: seconds, maxSeconds: limits.maxVideoSeconds },
    );
  }
  const coded = { width: stream.width ?? 0, height: stream.height ?? 0 };
  if (!(coded.width > 0 && coded.height > 0)) throw new AppError("corrupt", "The video has no picture size.");
  // Orientation-independent so portrait (phone) wallpapers get the same budget as landscape ones.
  const [longEdge, shortEdge] = [Math.max(coded.width, coded.height), Math.min(coded.width, coded.height)];
  const maxLong = Math.max(limits.maxVideoWidth, limits.maxVideoHeight);
  const maxShort = Math.min(limits.maxVideoWidth, limits.maxVideoHeight);
  if (longEdge > maxLong || shortEdge > maxShort) {
    throw new AppError(
      "too_many_pixels",
      `The video is ${coded.width}x${coded.height}; at most ${limits.maxVideoWidth}x${limits.maxVideoHeight} is accepted.`,
      { ...coded, maxWidth: limits.maxVideoWidth, maxHeight: limits.maxVideoHeight },
    );
  }
  await decodeFirstFrame(path, sniffed.format, limits);

  const displayed = isQuarterTurn(stream) ? { width: coded.height, height: coded.width } : coded;
  return {
    mediaType: "video",
    format: sniffed.format,
    mimeType: videoMimeTypes[sniffed.format],
    ...displayed,
    durationMs: Math.round(seconds * 1000),
    codec: stream.codec_name,
    fps: parseRate(stream.avg_frame_rate) ?? parseRate(stream.r_frame_rate),
  };
}
