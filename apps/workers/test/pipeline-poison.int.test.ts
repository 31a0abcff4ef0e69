import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eventFailures, wallpapers } from "@wallpaperdb/db";
import { loadMediaLimits, validateMedia } from "@wallpaperdb/media";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  createPipelineHarness,
  eventsOf,
  insertWallpaper,
  type PipelineHarness,
  stepsOf,
  waitFor,
  waitProcessed,
} from "./pipeline-harness.ts";

const run = promisify(execFile);
let harness: PipelineHarness;
let workDir: string;

beforeAll(async () => {
  harness = await createPipelineHarness();
  workDir = await mkdtemp(join(tmpdir(), "wpdb-poison-"));
  await harness.start();
});

afterAll(async () => {
  await harness?.cleanup();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A faststart MP4 cut to its first fifth: probe and first frame are fine, the rest of the clip is gone. */
async function truncatedVideo(): Promise<string> {
  const full = join(workDir, "full.mp4");
  // biome-ignore format: option/value pairs
  await run("ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "20",
    "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-movflags", "+faststart", full]);
  const data = await readFile(full);
  const cut = join(workDir, "cut.mp4");
  await writeFile(cut, data.subarray(0, Math.floor(data.length * 0.15)));
  return cut;
}

it("a file that passes validation but cannot be processed fails once, with its reason, without blocking others", async () => {
  const path = await truncatedVideo();
  const validated = await validateMedia(path, loadMediaLimits({}));
  expect(validated.mediaType).toBe("video");
  const durationMs = validated.mediaType === "video" ? validated.durationMs : 0;

  const poisonId = await insertWallpaper(harness, {
    data: await readFile(path),
    mediaType: "video",
    mimeType: "video/mp4",
    width: 320,
    height: 240,
    durationMs,
  });
  const goodIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const data = await sharp({
      create: { width: 640, height: 400, channels: 3, background: { r: 40 * i, g: 200 - 50 * i, b: 90 } },
    })
      .jpeg()
      .toBuffer();
    goodIds.push(await insertWallpaper(harness, { data }));
  }
  await waitProcessed(harness, goodIds, 60_000);

  const poster = await waitFor("poster failed", async () => {
    const steps = await stepsOf(harness, poisonId);
    const step = steps.find((s) => s.step === "poster");
    return step?.state === "failed" ? step : undefined;
  });
  expect(poster.attempts).toBe(1);
  expect(poster.lastError).toMatch(/poster frame|preview clip/);
  const others = (await stepsOf(harness, poisonId)).filter((s) => s.step !== "poster");
  expect(others.every((s) => s.state === "pending")).toBe(true);
  const [row] = await harness.database.db.select().from(wallpapers).where(eq(wallpapers.id, poisonId));
  expect(row?.processedAt).toBeNull();

  const failures = await waitFor("event failure recorded", async () => {
    const rows = await harness.database.db
      .select()
      .from(eventFailures)
      .where(eq(eventFailures.consumer, "pipeline-poster"));
    return rows.length > 0 ? rows : undefined;
  });
  expect(failures).toHaveLength(1);
  expect(failures[0]?.deliveries).toBe(1);
  const progress = (await eventsOf(harness, poisonId)).filter((e) => e.type === "wallpaper.progress.v1");
  expect(progress.at(-1)?.payload).toMatchObject({ step: "poster", state: "failed" });
  expect(String(progress.at(-1)?.payload.error)).toMatch(/poster frame|preview clip/);
});
