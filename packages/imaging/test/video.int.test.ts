import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { probeVideo } from "@wallpaperdb/media";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPosterFrame, makePreviewClip } from "../src/index.ts";

const run = promisify(execFile);
const limits = { ffprobePath: "ffprobe", ffmpegPath: "ffmpeg", ffprobeTimeoutMs: 20_000 };
let dir = "";

// 2 s of black, then 4 s of a test pattern, with a tone: the first frame is the classic black poster.
async function blackIntroClip(name: string, size: string, codec: string[]): Promise<string> {
  const path = join(dir, name);
  // biome-ignore format: lavfi graph and option pairs
  await run("ffmpeg", [
    "-v", "error", "-f", "lavfi", "-i", `color=black:s=${size}:d=2:r=25`,
    "-f", "lavfi", "-i", `testsrc2=s=${size}:d=4:r=25`, "-f", "lavfi", "-i", "sine=d=6",
    "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]", "-map", "[v]", "-map", "2:a",
    ...codec, "-pix_fmt", "yuv420p", "-y", path,
  ]);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "imaging-video-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("video derivatives", () => {
  it.each([
    [
      "mp4 h264, one key frame (long GOP)",
      "long-gop.mp4",
      "1280x720",
      ["-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"],
    ],
    [
      "webm vp9, key frame every second",
      "short-gop.webm",
      "640x360",
      ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g", "25", "-c:a", "libopus"],
    ],
  ])("takes a poster that is not the black intro: %s", async (_label, name, size, codec) => {
    const path = await blackIntroClip(name, size, codec);
    const [width, height] = size.split("x").map(Number);
    const png = await extractPosterFrame(path, { durationMs: 6000, timeoutMs: 20_000 });
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: "png", width, height });
    const stats = await sharp(png).resize(64).stats();
    const mean = stats.channels.slice(0, 3).reduce((sum, c) => sum + c.mean, 0) / 3;
    expect(mean).toBeGreaterThan(40);
    expect(stats.channels[0]?.stdev).toBeGreaterThan(20);
  });

  it("makes a muted H.264 preview clip ≤640 px wide and ≤4 s", async () => {
    const path = await blackIntroClip("source.mp4", "1280x720", [
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
    ]);
    const clip = await makePreviewClip(path, { durationMs: 6000, timeoutMs: 30_000 });
    expect(clip).toMatchObject({ format: "mp4", width: 640, height: 360 });
    expect(clip.durationMs).toBeGreaterThan(3000);
    expect(clip.durationMs).toBeLessThanOrEqual(4100);
    const out = join(dir, "preview.mp4");
    await writeFile(out, clip.data);
    const probe = await probeVideo(out, "mp4", limits);
    const streams = probe.streams ?? [];
    expect(streams.filter((s) => s.codec_type === "audio")).toHaveLength(0);
    expect(streams[0]).toMatchObject({ codec_type: "video", codec_name: "h264", width: 640 });
    // +faststart: the moov box precedes the media data.
    expect(clip.data.indexOf("moov")).toBeLessThan(clip.data.indexOf("mdat"));
  });

  it("fails with a clear error on a file that is not a video", async () => {
    const fake = join(dir, "fake.mp4");
    await writeFile(fake, Buffer.from("\0\0\0\x18ftypisom\0\0\0\0isomavc1garbage"));
    await expect(extractPosterFrame(fake, { durationMs: 1000, timeoutMs: 10_000 })).rejects.toMatchObject({
      code: "corrupt",
    });
  });
});
