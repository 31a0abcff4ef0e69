import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "@wallpaperdb/core/errors";
import { ffmpegInputArgs, runTool, sniffFile, type VideoFormat } from "@wallpaperdb/media";

export interface VideoToolOptions {
  /** From ffprobe (validateVideo); seek positions are fractions of it. */
  durationMs: number;
  /** Per ffmpeg run; the process is SIGKILLed when it expires. */
  timeoutMs: number;
  /** The sniffed container; sniffed from the file when absent. ffmpeg never probes it itself. */
  format?: VideoFormat;
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Decoder/encoder threads; 1–2 keeps a 4K decode's frame buffers small. Default 1. */
  threads?: number;
}

export async function resolveVideoFormat(
  path: string,
  format: VideoFormat | undefined,
): Promise<VideoFormat> {
  if (format) return format;
  const sniffed = await sniffFile(path);
  if (sniffed.kind !== "video") throw new AppError("unsupported_type", "The file is not a video.");
  return sniffed.format;
}

/**
 * ffmpeg with media's hardened input options (argument array, `file` protocol only, forced demuxer from
 * the container allow-list), `inputOptions` placed before the input so `-ss` seeks the demuxer instead of
 * decoding up to the position. Throws AppError("corrupt") on failure or timeout.
 */
export async function runFfmpeg(
  path: string,
  format: VideoFormat,
  inputOptions: string[],
  outputArgs: string[],
  options: Pick<VideoToolOptions, "timeoutMs" | "ffmpegPath" | "threads">,
): Promise<void> {
  const threads = String(options.threads ?? 1);
  const args = [
    ...["-nostdin", "-hide_banner", "-v", "error", "-threads", threads],
    ...inputOptions,
    ...ffmpegInputArgs(path, format),
    ...["-threads", threads],
    ...outputArgs,
  ];
  const result = await runTool(options.ffmpegPath ?? "ffmpeg", args, options.timeoutMs);
  if (result.timedOut) {
    throw new AppError("corrupt", `ffmpeg took longer than ${options.timeoutMs} ms and was stopped.`, {
      tool: "ffmpeg",
      timeoutMs: options.timeoutMs,
    });
  }
  if (result.exitCode !== 0) {
    throw new AppError("corrupt", "ffmpeg could not process the video.", {
      tool: "ffmpeg",
      reason: result.stderr.trim().split("\n").slice(-1)[0]?.slice(0, 200),
    });
  }
}

/** A private temporary directory for ffmpeg's output file, removed afterwards whatever happens. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "wpdb-imaging-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
