// The whole real corpus and videos of every allowed codec through the real pipeline (relay, JetStream,
// consumers, sharp, ffmpeg, PostgreSQL): each ends processed with all its outputs, and the numbers are
// what the pictures are.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { variants, wallpaperColors, wallpaperFacts } from "@wallpaperdb/db";
import { corpusFiles } from "@wallpaperdb/imaging/testing";
import { asc, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPipelineHarness,
  insertWallpaper,
  type PipelineHarness,
  waitProcessed,
} from "./pipeline-harness.ts";

const run = promisify(execFile);
let harness: PipelineHarness;
let workDir: string;

beforeAll(async () => {
  harness = await createPipelineHarness();
  workDir = await mkdtemp(join(tmpdir(), "wpdb-corpus-"));
  await harness.start();
});

afterAll(async () => {
  await harness?.cleanup();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function outputsOf(ids: string[]) {
  const db = harness.database.db;
  const [facts, variantRows, colorRows] = await Promise.all([
    db.select().from(wallpaperFacts).where(inArray(wallpaperFacts.wallpaperId, ids)),
    db.select().from(variants).where(inArray(variants.wallpaperId, ids)),
    db
      .select()
      .from(wallpaperColors)
      .where(inArray(wallpaperColors.wallpaperId, ids))
      .orderBy(asc(wallpaperColors.rank)),
  ]);
  return (id: string) => ({
    facts: facts.find((f) => f.wallpaperId === id),
    variants: variantRows
      .filter((v) => v.wallpaperId === id)
      .map((v) => `${v.kind}.${v.format}`)
      .sort(),
    colors: colorRows.filter((c) => c.wallpaperId === id),
  });
}

type Outputs = ReturnType<Awaited<ReturnType<typeof outputsOf>>>;

function expectImageOutputs(name: string, out: Outputs, size: { width: number; height: number }) {
  const { facts, colors } = out;
  expect(facts, name).toBeDefined();
  if (!facts) return;
  expect(facts.megapixels, name).toBeCloseTo((size.width * size.height) / 1e6, 1);
  expect(facts.orientation, name).toBe(
    size.width > size.height ? "landscape" : size.width < size.height ? "portrait" : "square",
  );
  expect(facts.aspectRatio, name).toBeCloseTo(size.width / size.height, 2);
  expect(facts.resolutionClass, name).toMatch(/^(SD|HD|FHD|QHD|4K|5K|6K|8K)$/);
  expect(facts.thumbhash?.length, name).toBeGreaterThan(10);
  expect(facts.phash, name).not.toBeNull();
  expect(facts.qualityScore, name).toBeGreaterThan(0);
  expect(facts.qualityScore, name).toBeLessThanOrEqual(100);
  expect(Object.keys(facts.qualityComponents ?? {}), name).toEqual(
    expect.arrayContaining(["resolution", "sharpness", "noise", "blockiness", "upscaled"]),
  );
  expect(["dark", "light"], name).toContain(facts.brightness);
  expect(facts.luminance, name).toBeGreaterThanOrEqual(0);
  expect(facts.luminance, name).toBeLessThanOrEqual(1);
  expect(colors.length, name).toBeGreaterThanOrEqual(1);
  expect(colors.length, name).toBeLessThanOrEqual(5);
  const total = colors.reduce((sum, c) => sum + c.fraction, 0);
  expect(total, name).toBeGreaterThan(0.95);
  expect(total, name).toBeLessThan(1.05);
  // Largest share first, each swatch named from the search palette.
  expect(
    colors.map((c) => c.fraction),
    name,
  ).toEqual([...colors.map((c) => c.fraction)].sort((a, b) => b - a));
  for (const color of colors) expect(color.nameHex, name).toMatch(/^#[0-9a-f]{6}$/i);
}

describe("every wallpaper of the real corpus", () => {
  it("reaches processed with its variants, facts, score, palette and hash", {
    timeout: 600_000,
  }, async () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(20);
    const inputs = await Promise.all(
      files.map(async (path) => {
        const data = await readFile(path);
        const meta = await sharp(data).metadata();
        const size = {
          width: meta.autoOrient?.width ?? meta.width,
          height: meta.autoOrient?.height ?? meta.height,
        };
        const mimeType = `image/${meta.format === "jpeg" ? "jpeg" : meta.format}`;
        return { path, size, id: await insertWallpaper(harness, { data, mimeType }) };
      }),
    );
    await waitProcessed(
      harness,
      inputs.map((i) => i.id),
      540_000,
    );
    const outputs = await outputsOf(inputs.map((i) => i.id));
    for (const input of inputs) {
      const out = outputs(input.id);
      expect(out.variants, basename(input.path)).toEqual(["medium.avif", "preview.avif", "thumb.avif"]);
      expectImageOutputs(basename(input.path), out, input.size);
    }
    // Scores that say what the pictures are: Debian's wallpapers are mostly good; the few that score
    // under 20 are the ones enlarged from a smaller source, and the large native ones score well.
    const scored = inputs.map((input) => {
      const facts = outputs(input.id).facts;
      const upscaled = facts?.qualityComponents?.upscaled === true;
      return {
        name: basename(input.path),
        score: facts?.qualityScore ?? 0,
        upscaled,
        mp: facts?.megapixels ?? 0,
      };
    });
    for (const s of scored.filter((s) => s.score < 20)) expect(s.upscaled, `${s.name} ${s.score}`).toBe(true);
    for (const s of scored.filter((s) => s.mp >= 8 && !s.upscaled))
      expect(s.score, s.name).toBeGreaterThanOrEqual(50);
    const sorted = scored.map((s) => s.score).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(40);
  });
});

// h264 in MP4 is the flow test's; here every other allowed codec, each in a container people use for it.
const videos = [
  {
    name: "vp9.webm",
    mime: "video/webm",
    codec: "vp9",
    args: ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "500k"],
  },
  {
    name: "vp8.webm",
    mime: "video/webm",
    codec: "vp8",
    args: ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "500k"],
  },
  {
    name: "hevc.mkv",
    mime: "video/x-matroska",
    codec: "hevc",
    args: ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error"],
  },
  {
    name: "av1.mp4",
    mime: "video/mp4",
    codec: "av1",
    args: ["-c:v", "libsvtav1", "-preset", "12", "-svtav1-params", "lp=1"],
  },
] as const;

describe("generated videos of each allowed codec", () => {
  it("get facts, a poster frame turned into variants, a preview clip, a score and a palette", {
    timeout: 300_000,
  }, async () => {
    const made = await Promise.all(
      videos.map(async (video) => {
        const path = join(workDir, video.name);
        // biome-ignore format: option/value pairs
        await run("ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=24", "-t", "3",
          "-pix_fmt", "yuv420p", ...video.args, path]);
        const data = await readFile(path);
        const id = await insertWallpaper(harness, {
          data,
          mediaType: "video",
          mimeType: video.mime,
          width: 640,
          height: 360,
          durationMs: 3000,
          initSteps: true,
        });
        return { ...video, id };
      }),
    );
    await waitProcessed(
      harness,
      made.map((v) => v.id),
      240_000,
    );
    const outputs = await outputsOf(made.map((v) => v.id));
    for (const video of made) {
      const out = outputs(video.id);
      expect(out.facts?.codec, video.name).toBe(video.codec);
      expect(out.facts?.fps, video.name).toBeCloseTo(24, 0);
      expect(out.facts?.durationMs, video.name).toBeGreaterThan(2500);
      expect(out.facts?.posterKey, video.name).toBeTruthy();
      expect(out.variants, video.name).toEqual(["clip.mp4", "medium.avif", "preview.avif", "thumb.avif"]);
      expectImageOutputs(video.name, out, { width: 640, height: 360 });
    }
  });
});
