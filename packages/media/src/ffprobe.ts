import { AppError } from "@wallpaperdb/core/errors";
import type { MediaLimits } from "./env.ts";
import type { VideoFormat } from "./media-types.ts";
import { runTool } from "./run-tool.ts";

/** Containers ffmpeg may open; no HLS, concat, image2 or anything else that opens further files. */
export const allowedContainers = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm";

export interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  side_data_list?: { rotation?: number }[];
  tags?: { rotate?: string };
}

export interface ProbeResult {
  streams?: ProbeStream[];
  format?: { duration?: string; format_name?: string };
}

type ToolLimits = Pick<MediaLimits, "ffprobeTimeoutMs" | "ffprobePath" | "ffmpegPath">;

/**
 * Input options shared by ffprobe and ffmpeg. The demuxer is forced from the sniffed type (ffmpeg's own
 * probing would happily pick hls or concat), only the `file` protocol may be opened, the `file:` prefix
 * stops a path being read as a URL, and QuickTime external data references stay disabled.
 */
export function inputArgs(path: string, format: VideoFormat): string[] {
  const demuxer = format === "mp4" || format === "mov" ? "mov" : "matroska";
  const demuxerOptions = demuxer === "mov" ? ["-enable_drefs", "0"] : [];
  // biome-ignore format: option/value pairs read best on one line each
  return [
    "-protocol_whitelist", "file",
    "-format_whitelist", allowedContainers,
    "-f", demuxer,
    ...demuxerOptions,
    "-i", `file:${path}`,
  ];
}

function timeoutError(tool: string, timeoutMs: number): AppError {
  return new AppError("corrupt", `Inspecting the video took longer than ${timeoutMs} ms and was stopped.`, {
    tool,
    timeoutMs,
  });
}

export async function probeVideo(
  path: string,
  format: VideoFormat,
  limits: ToolLimits,
): Promise<ProbeResult> {
  const args = ["-v", "error", "-hide_banner", ...inputArgs(path, format), "-print_format", "json"];
  const result = await runTool(
    limits.ffprobePath,
    [...args, "-show_format", "-show_streams"],
    limits.ffprobeTimeoutMs,
  );
  if (result.timedOut) throw timeoutError("ffprobe", limits.ffprobeTimeoutMs);
  if (result.exitCode !== 0) {
    throw new AppError("corrupt", "The video cannot be read; the file is damaged or not really a video.", {
      tool: "ffprobe",
      reason: result.stderr.trim().split("\n").slice(-1)[0]?.slice(0, 200),
    });
  }
  try {
    return JSON.parse(result.stdout) as ProbeResult;
  } catch (error) {
    throw new AppError("corrupt", "The video cannot be read.", undefined, { cause: error });
  }
}

/** Decodes the first video frame: headers can be intact while the stream data is garbage. */
export async function decodeFirstFrame(path: string, format: VideoFormat, limits: ToolLimits): Promise<void> {
  const args = ["-nostdin", "-v", "error", "-xerror", "-threads", "1", ...inputArgs(path, format)];
  const output = ["-map", "0:v:0", "-frames:v", "1", "-f", "null", "-"];
  const result = await runTool(limits.ffmpegPath, [...args, ...output], limits.ffprobeTimeoutMs);
  if (result.timedOut) throw timeoutError("ffmpeg", limits.ffprobeTimeoutMs);
  if (result.exitCode !== 0) {
    throw new AppError("corrupt", "The video's first frame cannot be decoded; the file is damaged.", {
      tool: "ffmpeg",
      reason: result.stderr.trim().split("\n").slice(-1)[0]?.slice(0, 200),
    });
  }
}
