import { randomBytes } from "node:crypto";
import { processingSteps, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MediaType, type StepName, stepsFor } from "../src/steps.ts";
import { redriveStuckSteps } from "../src/stuck-steps.ts";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("wpdb_pipeline");
});
afterAll(async () => {
  await database?.drop();
});

type Row = ["pending" | "running" | "done" | "failed", number];

/** A wallpaper with a row for each step it needs: pending and never attempted unless given. */
async function wallpaperWith(mediaType: MediaType, given: Partial<Record<StepName, Row>>): Promise<string> {
  const sha256 = randomBytes(32).toString("hex");
  const [row] = await database.db
    .insert(wallpapers)
    .values({
      sha256,
      mediaType,
      mimeType: mediaType === "video" ? "video/mp4" : "image/jpeg",
      originalKey: `originals/${sha256.slice(0, 2)}/${sha256}`,
      sizeBytes: 1000,
      width: 1920,
      height: 1080,
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no wallpaper row");
  const wallpaperId = row.id;
  await database.db.insert(processingSteps).values(
    stepsFor(mediaType).map((step) => {
      const [state, attempts] = given[step] ?? ["pending", 0];
      return { wallpaperId, step, state, attempts };
    }),
  );
  return wallpaperId;
}

describe("redriveStuckSteps", () => {
  it("re-drives a stalled pending step only once the steps before it for its media type are done", async () => {
    const image = await wallpaperWith("image", { variants: ["pending", 1] });
    const videoAfterPoster = await wallpaperWith("video", { poster: ["done", 1] });
    const videoAtPoster = await wallpaperWith("video", { poster: ["pending", 2] });
    const siblings = await wallpaperWith("image", { variants: ["done", 1], color: ["done", 1] });
    const blocked = await wallpaperWith("image", { variants: ["failed", 5] });

    // Every row counts as untouched for an hour.
    const later = new Date(Date.now() + 60 * 60_000);
    const found = await redriveStuckSteps(database.db, later, {
      runningForMs: 60_000,
      pendingForMs: 60_000,
      dryRun: true,
    });
    const driven = found.map((stuck) => [stuck.wallpaperId, stuck.step, stuck.event]);
    expect(driven.sort()).toEqual(
      [
        [image, "variants", "wallpaper.uploaded.v1"],
        [videoAfterPoster, "variants", "wallpaper.poster.ready.v1"],
        [videoAtPoster, "poster", "wallpaper.uploaded.v1"],
        [siblings, "quality", "wallpaper.variants.ready.v1"],
        [siblings, "classify", "wallpaper.variants.ready.v1"],
        [siblings, "detect", "wallpaper.variants.ready.v1"],
      ].sort(),
    );
    expect(driven.map(([id]) => id)).not.toContain(blocked);
  });
});
