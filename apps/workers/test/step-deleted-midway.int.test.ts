import { wallpapers } from "@wallpaperdb/db";
import type { EventEnvelope } from "@wallpaperdb/events";
import { uploadedPayload } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handleUploadedVariants } from "../src/handlers/variants.ts";
import {
  createPipelineHarness,
  insertWallpaper,
  listBlobs,
  type PipelineHarness,
} from "./pipeline-harness.ts";

let harness: PipelineHarness;

beforeAll(async () => {
  harness = await createPipelineHarness();
});

/** A committed JPEG wallpaper of one color, as ingest leaves it for the variants step. */
async function uploadedWallpaper(background: string): Promise<typeof wallpapers.$inferSelect> {
  const data = await sharp({ create: { width: 800, height: 500, channels: 3, background } })
    .jpeg()
    .toBuffer();
  const id = await insertWallpaper(harness, { data });
  const [row] = await harness.database.db.select().from(wallpapers).where(eq(wallpapers.id, id));
  if (!row) throw new Error("no wallpaper");
  return row;
}
afterAll(async () => {
  await harness?.cleanup();
});

it("a wallpaper deleted while its variants render ends skipped, with the blobs it stored removed", async () => {
  const row = await uploadedWallpaper("#3a6");
  const id = row.id;
  // The delete lands between the step's first blob write and its commit, as a user's delete might.
  let deleted = false;
  const store: BlobStore = {
    ...harness.blobStore,
    async put(key, body, options) {
      const result = await harness.blobStore.put(key, body, options);
      if (!deleted) {
        deleted = true;
        await harness.database.db.delete(wallpapers).where(eq(wallpapers.id, id));
      }
      return result;
    },
  };
  const event = { data: uploadedPayload(row) } as EventEnvelope<"wallpaper.uploaded.v1">;

  const result = await handleUploadedVariants({ ...harness.deps, blobStore: store }, event, {
    deliveryCount: 1,
  } as never);
  expect(result).toEqual({ status: "skipped", reason: "wallpaper deleted while the step ran" });
  expect(deleted).toBe(true);
  expect(await listBlobs(harness.blobStore, `variants/${id}/`)).toEqual([]);
  expect(await listBlobs(harness.blobStore, `derived/${id}/`)).toEqual([]);
});

it("a step that fails because its wallpaper was deleted under it ends skipped too, its blobs removed", async () => {
  const row = await uploadedWallpaper("#a36");
  const id = row.id;
  const store: BlobStore = {
    ...harness.blobStore,
    async put(key, body, options) {
      // The analysis goes last, after every variant is stored: its write fails because the wallpaper
      // is gone (as a storage policy might refuse it).
      if (key.endsWith("/analysis.bin")) {
        await harness.database.db.delete(wallpapers).where(eq(wallpapers.id, id));
        throw new Error("the blob store refused the write");
      }
      return harness.blobStore.put(key, body, options);
    },
  };
  const event = { data: uploadedPayload(row) } as EventEnvelope<"wallpaper.uploaded.v1">;
  const result = await handleUploadedVariants({ ...harness.deps, blobStore: store }, event, {
    deliveryCount: 1,
  } as never);
  expect(result).toEqual({ status: "skipped", reason: "wallpaper deleted while the step ran" });
  expect(await listBlobs(harness.blobStore, `variants/${id}/`)).toEqual([]);
});
