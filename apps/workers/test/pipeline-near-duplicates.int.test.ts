import { readFile } from "node:fs/promises";
import { wallpaperNearDuplicates } from "@wallpaperdb/db";
import { corpusFile } from "@wallpaperdb/imaging/testing";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  createPipelineHarness,
  insertWallpaper,
  type PipelineHarness,
  waitProcessed,
} from "./pipeline-harness.ts";

const nature = (name: string) => corpusFile(`mate-backgrounds/usr/share/backgrounds/mate/nature/${name}`);
let harness: PipelineHarness;

beforeAll(async () => {
  harness = await createPipelineHarness();
  await harness.start();
});

afterAll(async () => {
  await harness?.cleanup();
});

it("links and flags a resized, recompressed copy of a processed wallpaper, and nothing else", async () => {
  const original = await readFile(nature("Garden.jpg"));
  const originalId = await insertWallpaper(harness, { data: original });
  const unrelatedId = await insertWallpaper(harness, { data: await readFile(nature("Storm.jpg")) });
  await waitProcessed(harness, [originalId, unrelatedId]);

  const meta = await sharp(original).metadata();
  const copy = await sharp(original)
    .resize(Math.round((meta.width ?? 1600) * 0.6))
    .jpeg({ quality: 55 })
    .toBuffer();
  const copyId = await insertWallpaper(harness, { data: copy });
  await waitProcessed(harness, [copyId]);

  const links = await harness.database.db
    .select()
    .from(wallpaperNearDuplicates)
    .where(eq(wallpaperNearDuplicates.wallpaperId, copyId));
  expect(links.map((l) => l.duplicateOf)).toEqual([originalId]);
  expect(links[0]?.distance).toBeLessThanOrEqual(8);
  expect(links[0]?.resolved).toBe(false);
  const others = await harness.database.db
    .select()
    .from(wallpaperNearDuplicates)
    .where(eq(wallpaperNearDuplicates.wallpaperId, unrelatedId));
  expect(others).toEqual([]);
});
