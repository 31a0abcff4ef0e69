import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "@wallpaperdb/core/errors";
import { probeVideo } from "@wallpaperdb/media";
import sharp from "sharp";
import { resolveVideoFormat, runFfmpeg, type VideoToolOptions, withTempDir } from "./run-ffmpeg.ts";

export type { VideoToolOptions } from "./run-ffmpeg.ts";

export interface PreviewClip {
  data: Buffer;
  format: "mp4";
  width: number;
  height: number;
  durationMs: number;
}

// Fade-ins and title cards make the first frames black; these points are usually into the content.
const POSTER_POSITIONS = [0.1, 0.3, 0.5];
const EXACT_POSITIONS = [0.3, 0.5, 0.7];
// On a 64 px copy: mean under 24/255 reads as black, channel stdev under 6 as a flat (blank) frame.
const DARK_MEAN = 24;
const FLAT_STDEV = 6;

interface FrameCheck {
  png: Buffer;
  contrast: number;
  usable: boolean;
}

async function checkFrame(png: Buffer): Promise<FrameCheck> {
  const stats = await sharp(png).resize(64, 64, { fit: "inside" }).removeAlpha().stats();
  const mean = stats.channels.reduce((sum, channel) => sum + channel.mean, 0) / stats.channels.length;
  const contrast = stats.channels.reduce((sum, channel) => sum + channel.stdev, 0) / stats.channels.length;
  return { png, contrast, usable: mean >= DARK_MEAN && contrast >= FLAT_STDEV };
}

async function grabFrame(
  path: string,
  atMs: number,
  keyFrameOnly: boolean,
  options: VideoToolOptions & { format: NonNullable<VideoToolOptions["format"]> },
  out: string,
): Promise<Buffer | null> {
  // Key-frame mode: seek to the key frame at or before the point and decode only that one frame.
  // Exact mode decodes from that key frame up to the point, one frame at a time (nothing is buffered).
  const seek = keyFrameOnly ? ["-skip_frame", "nokey", "-noaccurate_seek"] : [];
  await runFfmpeg(
    path,
    options.format,
    ["-ss", (atMs / 1000).toFixed(3), ...seek],
    [
      "-map",
      "0:v:0",
      "-frames:v",
      "1",
      "-an",
      "-sn",
      "-dn",
      "-map_metadata",
      "-1",
      "-c:v",
      "png",
      "-f",
      "image2",
      "-y",
      `file:${out}`,
    ],
    options,
  );
  // ffmpeg exits 0 without writing when no frame survives the seek (e.g. no key frame after a point).
  const png = await readFile(out).catch(() => null);
  return png && png.length > 0 ? png : null;
}

/**
 * A representative PNG frame: the first key frame at 10/30/50 % of the duration that is neither black nor
 * flat; failing that (long GOPs put every key frame in the black intro) exact frames at 30/50/70 %; failing
 * that, the frame with the most contrast. Never the ffmpeg `thumbnail` filter, which buffers many frames.
 */
export async function extractPosterFrame(path: string, options: VideoToolOptions): Promise<Buffer> {
  const format = await resolveVideoFormat(path, options.format);
  const settings = { ...options, format };
  return withTempDir(async (dir) => {
    const candidates: FrameCheck[] = [];
    const attempts = [
      ...POSTER_POSITIONS.map((position) => ({ position, keyFrameOnly: true })),
      ...EXACT_POSITIONS.map((position) => ({ position, keyFrameOnly: false })),
    ];
    for (const [index, { position, keyFrameOnly }] of attempts.entries()) {
      const out = join(dir, `frame-${index}.png`);
      const png = await grabFrame(path, options.durationMs * position, keyFrameOnly, settings, out);
      if (!png) continue;
      const frame = await checkFrame(png);
      if (frame.usable) return frame.png;
      candidates.push(frame);
    }
    const best = candidates.reduce<FrameCheck | undefined>(
      (a, b) => (a && a.contrast >= b.contrast ? a : b),
      undefined,
    );
    if (!best) throw new AppError("corrupt", "No frame of the video could be decoded.");
    return best.png;
  });
}

const CLIP_MAX_MS = 4000;
const CLIP_MAX_WIDTH = 640;

/**
 * A hover preview: ≤4 s from 10 % into the video, muted, ≤640 px wide (even sizes for 4:2:0), ≤30 fps,
 * H.264 High yuv420p with the index up front (+faststart) so browsers start playing at once.
 */
export async function makePreviewClip(path: string, options: VideoToolOptions): Promise<PreviewClip> {
  const format = await resolveVideoFormat(path, options.format);
  const clipMs = Math.min(CLIP_MAX_MS, options.durationMs);
  const startMs = Math.max(0, Math.min(options.durationMs * 0.1, options.durationMs - clipMs));
  const scale = `scale=w='min(${CLIP_MAX_WIDTH},trunc(iw/2)*2)':h=-2:flags=bicubic,format=yuv420p`;
  return withTempDir(async (dir) => {
    const out = join(dir, "preview.mp4");
    // biome-ignore format: option/value pairs read best on one line each
    await runFfmpeg(path, format, ["-ss", (startMs / 1000).toFixed(3)], [
      "-t", (clipMs / 1000).toFixed(3),
      "-map", "0:v:0", "-an", "-sn", "-dn", "-map_metadata", "-1",
      "-vf", scale, "-fpsmax", "30",
      "-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-profile:v", "high", "-pix_fmt", "yuv420p",
      "-movflags", "+faststart", "-f", "mp4", "-y", `file:${out}`,
    ], { ...options, threads: options.threads ?? 2 });
    const probe = await probeVideo(out, "mp4", {
      ffprobePath: options.ffprobePath ?? "ffprobe",
      ffmpegPath: options.ffmpegPath ?? "ffmpeg",
      ffprobeTimeoutMs: options.timeoutMs,
    });
    const stream = probe.streams?.find((s) => s.codec_type === "video");
    if (!stream?.width || !stream.height)
      throw new AppError("corrupt", "The preview clip has no video stream.");
    const seconds = Number(probe.format?.duration ?? stream.duration ?? clipMs / 1000);
    return {
      data: await readFile(out),
      format: "mp4",
      width: stream.width,
      height: stream.height,
      durationMs: Math.round(seconds * 1000),
    };
  });
}
