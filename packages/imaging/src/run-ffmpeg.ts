import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "@wallpaperdb/core/errors";
import { ffmpegInputArgs, runTool, sniffFile, type VideoFormat } from "@wallpaperdb/media";
import { type Attributes, type Span, SpanKind, withSpan } from "@wallpaperdb/telemetry";

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

/** What a trace should say about an ffmpeg run: the output codec/format and the seek, never paths. */
export function ffmpegArgsSummary(
  inputOptions: readonly string[],
  outputArgs: readonly string[],
): Attributes {
  const flagValue = (args: readonly string[], flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const summary: Attributes = {};
  const entries: [string, string | undefined][] = [
    ["ffmpeg.output.codec", flagValue(outputArgs, "-c:v")],
    ["ffmpeg.output.format", flagValue(outputArgs, "-f")],
    ["ffmpeg.output.frames", flagValue(outputArgs, "-frames:v")],
    ["ffmpeg.output.duration_s", flagValue(outputArgs, "-t")],
    ["ffmpeg.seek_s", flagValue(inputOptions, "-ss")],
  ];
  for (const [name, value] of entries) if (value !== undefined) summary[name] = value;
  if (inputOptions.includes("-skip_frame")) summary["ffmpeg.key_frame_only"] = true;
  return summary;
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
  const attributes = {
    "process.executable.name": "ffmpeg",
    "ffmpeg.input.format": format,
    "ffmpeg.threads": Number(threads),
    ...ffmpegArgsSummary(inputOptions, outputArgs),
  };
  // One span per ffmpeg process (its duration is the process's wall time); a failure marks it an error.
  await withSpan("ffmpeg", attributes, (span) => runAndCheck(args, options, span), {
    kind: SpanKind.INTERNAL,
  });
}

async function runAndCheck(
  args: string[],
  options: Pick<VideoToolOptions, "timeoutMs" | "ffmpegPath">,
  span: Span,
): Promise<void> {
  const result = await runTool(options.ffmpegPath ?? "ffmpeg", args, options.timeoutMs);
  span.setAttributes({ "process.exit.code": result.exitCode, "ffmpeg.timed_out": result.timedOut });
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
