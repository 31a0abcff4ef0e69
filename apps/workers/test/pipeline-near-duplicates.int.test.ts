import { readFile } from "node:fs/promises";
import { wallpaperFacts, wallpaperHashes, wallpaperNearDuplicates } from "@wallpaperdb/db";
import { QUALITY_VERSION } from "@wallpaperdb/imaging";
import { corpusFile } from "@wallpaperdb/imaging/testing";
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { backfillFromAnalysis } from "../src/pipeline/analysis-backfill.ts";
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

it("links an 85 % crop through the pipeline, and the analysis backfill rebuilds hashes, flag and score", async () => {
  const original = await readFile(nature("TwoWings.jpg"));
  const { width = 0, height = 0 } = await sharp(original).metadata();
  const w = Math.round(width * 0.85);
  const h = Math.round(height * 0.85);
  const crop = await sharp(original)
    .extract({ left: Math.floor((width - w) / 2), top: Math.floor((height - h) / 2), width: w, height: h })
    .jpeg({ quality: 85 })
    .toBuffer();
  const originalId = await insertWallpaper(harness, { data: original });
  await waitProcessed(harness, [originalId]);
  const cropId = await insertWallpaper(harness, { data: crop });
  await waitProcessed(harness, [cropId]);
  const { db } = harness.database;
  const flagsOf = (id: string) =>
    db.select().from(wallpaperNearDuplicates).where(eq(wallpaperNearDuplicates.wallpaperId, id));
  expect((await flagsOf(cropId)).map((flag) => flag.duplicateOf)).toEqual([originalId]);

  // As if processed before migration 0019 and quality version 2.
  const ids = [originalId, cropId];
  await db.delete(wallpaperNearDuplicates).where(inArray(wallpaperNearDuplicates.wallpaperId, ids));
  await db.delete(wallpaperHashes).where(inArray(wallpaperHashes.wallpaperId, ids));
  await db
    .update(wallpaperFacts)
    .set({ qualityScore: 19, qualityComponents: { resolution: 0.5 } })
    .where(inArray(wallpaperFacts.wallpaperId, ids));

  const result = await backfillFromAnalysis(db, harness.blobStore);
  expect(result).toMatchObject({ hashed: 2, flagged: 1, rescored: 2, failed: [] });
  expect((await flagsOf(cropId)).map((flag) => flag.duplicateOf)).toEqual([originalId]);
  expect(await flagsOf(originalId)).toEqual([]);
  const facts = await db.select().from(wallpaperFacts).where(inArray(wallpaperFacts.wallpaperId, ids));
  for (const row of facts) {
    expect(row.qualityComponents).toMatchObject({ version: QUALITY_VERSION });
    expect(row.qualityScore).toBeGreaterThan(19);
  }
  // Nothing left to do: a second run changes nothing.
  expect(await backfillFromAnalysis(db, harness.blobStore)).toMatchObject({ hashed: 0, rescored: 0 });
});
