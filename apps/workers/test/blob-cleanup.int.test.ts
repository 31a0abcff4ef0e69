import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import type { EventEnvelope } from "@wallpaperdb/events";
import type { BlobStore } from "@wallpaperdb/storage";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { afterAll, beforeAll, expect, it } from "vitest";
import { handleDeletedBlobCleanup } from "../src/handlers/blob-cleanup.ts";
import { listBlobs } from "./pipeline-harness.ts";

let database: TestDatabase;
let blobDir: string;
let blobStore: BlobStore;
beforeAll(async () => {
  database = await createTestDatabase("wpdb_workers_cleanup");
  blobDir = await mkdtemp(join(tmpdir(), "wpdb-cleanup-"));
  blobStore = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://localhost:3000",
    signingSecret: "cleanup-test-signing-secret-0123456789",
  });
});
afterAll(async () => {
  await database?.drop();
  if (blobDir) await rm(blobDir, { recursive: true, force: true });
});

/** The files the pipeline and the media routes leave for one wallpaper. */
async function filesOf(wallpaperId: string, sha256: string): Promise<string> {
  const originalKey = `originals/${sha256.slice(0, 2)}/${sha256}`;
  for (const key of [
    originalKey,
    `variants/${wallpaperId}/thumb.avif`,
    `variants/${wallpaperId}/preview.webp`,
    `derived/${wallpaperId}/analysis.bin`,
    `renditions/${wallpaperId}/r1/fit/640x360.webp`,
  ]) {
    await blobStore.put(key, Buffer.from(key));
  }
  return originalKey;
}

const deleted = (data: { wallpaperId: string; sha256: string; originalKey: string }) =>
  ({ data }) as EventEnvelope<"wallpaper.deleted.v1">;

it("deletes a deleted wallpaper's files and nothing of another's, and is idempotent", async () => {
  const gone = { wallpaperId: randomUUID(), sha256: randomBytes(32).toString("hex") };
  const kept = { wallpaperId: randomUUID(), sha256: randomBytes(32).toString("hex") };
  const originalKey = await filesOf(gone.wallpaperId, gone.sha256);
  await filesOf(kept.wallpaperId, kept.sha256);
  const before = await listBlobs(blobStore, "");

  const event = deleted({ ...gone, originalKey });
  await expect(handleDeletedBlobCleanup({ db: database.db, blobStore }, event)).resolves.toEqual({
    status: "done",
  });
  const after = await listBlobs(blobStore, "");
  expect(after).toEqual(before.filter((key) => !key.includes(gone.wallpaperId) && key !== originalKey));
  expect(after).toHaveLength(5);
  // A redelivery finds nothing left to delete and still succeeds.
  await expect(handleDeletedBlobCleanup({ db: database.db, blobStore }, event)).resolves.toEqual({
    status: "done",
  });
});

it("keeps the original when the same bytes were uploaded again since", async () => {
  const sha256 = randomBytes(32).toString("hex");
  const oldId = randomUUID();
  const originalKey = await filesOf(oldId, sha256);
  await database.db.insert(wallpapers).values({
    sha256,
    mediaType: "image",
    mimeType: "image/png",
    originalKey,
    sizeBytes: 1,
    width: 10,
    height: 10,
  });
  await handleDeletedBlobCleanup(
    { db: database.db, blobStore },
    deleted({ wallpaperId: oldId, sha256, originalKey }),
  );
  expect(await listBlobs(blobStore, `variants/${oldId}/`)).toEqual([]);
  expect(await blobStore.head(originalKey)).not.toBeNull();
});
