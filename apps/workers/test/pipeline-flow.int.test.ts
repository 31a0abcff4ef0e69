import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { processingSteps, variants, wallpaperColors, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { corpusJpeg } from "@wallpaperdb/imaging/testing";
import { uploadedPayload } from "@wallpaperdb/pipeline";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleUploadedVariants } from "../src/handlers/variants.ts";
import {
  createPipelineHarness,
  eventsOf,
  insertWallpaper,
  listBlobs,
  type PipelineHarness,
  stepsOf,
  waitProcessed,
} from "./pipeline-harness.ts";

const run = promisify(execFile);
let harness: PipelineHarness;
let workDir: string;

beforeAll(async () => {
  harness = await createPipelineHarness();
  workDir = await mkdtemp(join(tmpdir(), "wpdb-flow-"));
  await harness.start();
});

afterAll(async () => {
  await harness?.cleanup();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function variantState(wallpaperId: string) {
  const rows = await harness.database.db
    .select()
    .from(variants)
    .where(eq(variants.wallpaperId, wallpaperId))
    .orderBy(asc(variants.kind), asc(variants.format));
  return rows.map(({ id, createdAt, ...rest }) => rest);
}

function expectProgressInOrder(
  events: { type: string; payload: Record<string, unknown> }[],
  steps: string[],
) {
  for (const step of steps) {
    const states = events
      .filter((event) => event.type === "wallpaper.progress.v1" && event.payload.step === step)
      .map((event) => event.payload.state);
    expect(states, step).toEqual(["pending", "running", "done"]);
  }
  const processed = events.filter((event) => event.type === "wallpaper.processed.v1");
  expect(processed).toHaveLength(1);
  // processed comes after every step's done
  expect(events.at(-1)?.type).toBe("wallpaper.processed.v1");
}

describe("an image from the real corpus", () => {
  let wallpaperId: string;

  it("goes from uploaded to processed with every step done", async () => {
    const data = await readFile(corpusJpeg());
    wallpaperId = await insertWallpaper(harness, { data });
    await waitProcessed(harness, [wallpaperId], 60_000);

    const steps = await stepsOf(harness, wallpaperId);
    expect(steps.map((s) => [s.step, s.state, s.attempts])).toEqual([
      ["classify", "done", 1],
      ["color", "done", 1],
      ["detect", "done", 1],
      ["quality", "done", 1],
      ["variants", "done", 1],
    ]);
    const rows = await variantState(wallpaperId);
    // AVIF only: WebP and JPEG are rendered lazily by the media route, never by the pipeline.
    expect(rows.map((r) => `${r.kind}.${r.format}`)).toEqual(["medium.avif", "preview.avif", "thumb.avif"]);
    for (const row of rows) {
      expect(row.storageKey).toBe(`variants/${wallpaperId}/${row.kind}.${row.format}`);
      expect(row.sizeBytes).toBeGreaterThan(500);
      // Thumb: covers 640x360, long edge capped at 1280; medium: inside 1170x2532; preview: inside 2560x1440.
      if (row.kind === "thumb") {
        expect(Math.max(row.width, row.height)).toBeLessThanOrEqual(1280);
        expect(row.width >= 640 || row.height >= 360).toBe(true);
      } else if (row.kind === "medium") {
        expect(row.width).toBeLessThanOrEqual(1170);
        expect(row.height).toBeLessThanOrEqual(2532);
      } else {
        expect(row.width).toBeLessThanOrEqual(2560);
        expect(row.height).toBeLessThanOrEqual(1440);
      }
    }
    const blobs = await listBlobs(harness.blobStore, `variants/${wallpaperId}/`);
    expect(blobs).toEqual(rows.map((r) => r.storageKey).sort());
    expect(await harness.blobStore.head(`derived/${wallpaperId}/analysis.bin`)).not.toBeNull();

    const [facts] = await harness.database.db
      .select()
      .from(wallpaperFacts)
      .where(eq(wallpaperFacts.wallpaperId, wallpaperId));
    expect(facts?.orientation).toBe("landscape");
    expect(facts?.aspectRatio).toBeGreaterThan(1);
    expect(facts?.megapixels).toBeGreaterThan(0.5);
    expect(facts?.thumbhash?.length).toBeGreaterThan(10);
    expect(facts?.phash).not.toBeNull();
    expect(facts?.qualityScore).toBeGreaterThanOrEqual(0);
    expect(facts?.qualityScore).toBeLessThanOrEqual(100);
    expect(["dark", "light"]).toContain(facts?.brightness);

    const colors = await harness.database.db
      .select()
      .from(wallpaperColors)
      .where(eq(wallpaperColors.wallpaperId, wallpaperId))
      .orderBy(asc(wallpaperColors.rank));
    expect(colors.length).toBeGreaterThanOrEqual(1);
    expect(colors.length).toBeLessThanOrEqual(5);
    const total = colors.reduce((sum, c) => sum + c.fraction, 0);
    expect(total).toBeGreaterThan(0.95);
    expect(total).toBeLessThan(1.05);
    for (const color of colors) expect(color.hex).toMatch(/^#[0-9a-f]{6}$/i);

    expectProgressInOrder(await eventsOf(harness, wallpaperId), ["variants", "quality", "color", "classify"]);
  });

  it("a rerun of the variants step leaves the same rows and blobs", async () => {
    const before = await variantState(wallpaperId);
    const blobsBefore = await listBlobs(harness.blobStore, `variants/${wallpaperId}/`);
    // What "reprocess" does: the step goes back to pending, and the same event is handled again.
    await harness.database.db
      .update(processingSteps)
      .set({ state: "pending" })
      .where(and(eq(processingSteps.wallpaperId, wallpaperId), eq(processingSteps.step, "variants")));
    const [wallpaper] = await harness.database.db
      .select()
      .from(wallpapers)
      .where(eq(wallpapers.id, wallpaperId));
    if (!wallpaper) throw new Error("no wallpaper");
    const event = {
      id: "00000000-0000-4000-8000-000000000001",
      type: "wallpaper.uploaded.v1" as const,
      occurredAt: new Date().toISOString(),
      data: uploadedPayload(wallpaper),
    };
    expect(await handleUploadedVariants(harness.deps, event, { deliveryCount: 1 } as never)).toEqual({
      status: "done",
    });
    expect(await variantState(wallpaperId)).toEqual(before);
    expect(await listBlobs(harness.blobStore, `variants/${wallpaperId}/`)).toEqual(blobsBefore);
    // Already done: a redelivery changes nothing and says so.
    expect(await handleUploadedVariants(harness.deps, event, { deliveryCount: 2 } as never)).toMatchObject({
      status: "skipped",
    });
    const processed = (await eventsOf(harness, wallpaperId)).filter(
      (e) => e.type === "wallpaper.processed.v1",
    );
    expect(processed).toHaveLength(1);
  });
});

describe("a generated video", () => {
  it("gets facts, a poster, a preview clip, and the image steps on its poster", async () => {
    const path = join(workDir, "clip.mp4");
    // biome-ignore format: option/value pairs
    await run("ffmpeg", ["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=24", "-t", "4",
      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path]);
    const data = await readFile(path);
    const wallpaperId = await insertWallpaper(harness, {
      data,
      mediaType: "video",
      mimeType: "video/mp4",
      width: 640,
      height: 360,
      durationMs: 4000,
      initSteps: true,
    });
    await waitProcessed(harness, [wallpaperId], 60_000);
    const steps = await stepsOf(harness, wallpaperId);
    expect(steps.map((s) => [s.step, s.state])).toEqual([
      ["classify", "done"],
      ["color", "done"],
      ["detect", "done"],
      ["poster", "done"],
      ["quality", "done"],
      ["variants", "done"],
    ]);
    const [facts] = await harness.database.db
      .select()
      .from(wallpaperFacts)
      .where(eq(wallpaperFacts.wallpaperId, wallpaperId));
    expect(facts?.codec).toBe("h264");
    expect(facts?.fps).toBeCloseTo(24, 0);
    expect(facts?.durationMs).toBeGreaterThan(3500);
    expect(facts?.aspectName).toBe("16:9");
    expect(await harness.blobStore.head(`derived/${wallpaperId}/poster.png`)).not.toBeNull();
    const rows = await variantState(wallpaperId);
    expect(rows.map((r) => `${r.kind}.${r.format}`)).toEqual([
      "clip.mp4",
      "medium.avif",
      "preview.avif",
      "thumb.avif",
    ]);
    expectProgressInOrder(await eventsOf(harness, wallpaperId), [
      "poster",
      "variants",
      "quality",
      "color",
      "classify",
    ]);
  });
});
