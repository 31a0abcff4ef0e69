import { readFile } from "node:fs/promises";
import { eventFailures, wallpapers } from "@wallpaperdb/db";
import { corpusJpeg } from "@wallpaperdb/imaging/testing";
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

let harness: PipelineHarness;

beforeAll(async () => {
  harness = await createPipelineHarness();
  await harness.start();
});

afterAll(async () => {
  await harness?.cleanup();
});

// A truncated video is no poison any more: the poster falls back to an exact frame and the clip to what
// is there. What cannot be processed is an original that was accepted and then damaged in storage: a
// JPEG cut in half decodes its header (size, type) but not its pixels.
it("a file that cannot be processed fails once, with its reason, without blocking others", async () => {
  const whole = await readFile(corpusJpeg());
  const meta = await sharp(whole).metadata();
  const poisonId = await insertWallpaper(harness, {
    data: whole.subarray(0, Math.floor(whole.length / 2)),
    width: meta.width,
    height: meta.height,
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

  const failed = await waitFor("variants failed", async () => {
    const steps = await stepsOf(harness, poisonId);
    const step = steps.find((s) => s.step === "variants");
    return step?.state === "failed" ? step : undefined;
  });
  expect(failed.attempts).toBe(1);
  expect(failed.lastError).toMatch(/image cannot be decoded: .*premature end/i);
  const others = (await stepsOf(harness, poisonId)).filter((s) => s.step !== "variants");
  expect(others.every((s) => s.state === "pending")).toBe(true);
  const [row] = await harness.database.db.select().from(wallpapers).where(eq(wallpapers.id, poisonId));
  expect(row?.processedAt).toBeNull();

  const failures = await waitFor("event failure recorded", async () => {
    const rows = await harness.database.db
      .select()
      .from(eventFailures)
      .where(eq(eventFailures.consumer, "pipeline-variants"));
    return rows.length > 0 ? rows : undefined;
  });
  expect(failures).toHaveLength(1);
  expect(failures[0]?.deliveries).toBe(1);
  const progress = (await eventsOf(harness, poisonId)).filter((e) => e.type === "wallpaper.progress.v1");
  expect(progress.at(-1)?.payload).toMatchObject({ step: "variants", state: "failed" });
  expect(String(progress.at(-1)?.payload.error)).toMatch(/image cannot be decoded/);
});
