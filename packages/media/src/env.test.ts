import { ConfigError } from "@wallpaperdb/core/env";
import { describe, expect, it } from "vitest";
import { loadMediaLimits } from "./env.ts";

describe("loadMediaLimits", () => {
  it("has defaults suited to 8K wallpapers and short clips", () => {
    const limits = loadMediaLimits({});
    expect(limits.maxUploadBytes).toBe(200 * 1024 * 1024);
    expect(limits.maxImagePixels).toBeGreaterThanOrEqual(7680 * 3200 * 2);
    expect(limits).toMatchObject({
      maxVideoSeconds: 120,
      maxVideoWidth: 7680,
      maxVideoHeight: 4320,
      ffprobeTimeoutMs: 15_000,
      ffprobePath: "ffprobe",
      ffmpegPath: "ffmpeg",
    });
  });

  it("reads overrides and treats empty values as unset", () => {
    const limits = loadMediaLimits({
      MAX_UPLOAD_BYTES: "1024",
      MAX_VIDEO_SECONDS: "",
      FFPROBE_PATH: "/usr/bin/ffprobe",
    });
    expect(limits).toMatchObject({
      maxUploadBytes: 1024,
      maxVideoSeconds: 120,
      ffprobePath: "/usr/bin/ffprobe",
    });
  });

  it("names the bad variable", () => {
    expect(() => loadMediaLimits({ MAX_IMAGE_PIXELS: "lots" })).toThrow(ConfigError);
    expect(() => loadMediaLimits({ MAX_IMAGE_PIXELS: "-5" })).toThrow(/MAX_IMAGE_PIXELS/);
  });
});
