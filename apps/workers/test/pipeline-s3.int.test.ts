import { readFile } from "node:fs/promises";
import { createLogger } from "@wallpaperdb/core/logger";
import { users, wallpapers } from "@wallpaperdb/db";
import { corpusJpeg } from "@wallpaperdb/imaging/testing";
import { completeUpload, createUpload } from "@wallpaperdb/ingest";
import { createIngestServicesFromEnv } from "@wallpaperdb/ingest/from-env";
import { sendOverTus } from "@wallpaperdb/ingest/testing";
import { createUploadHandler } from "@wallpaperdb/ingest/tus";
import { handleMediaRequest, type MediaDeps } from "@wallpaperdb/media-serving";
import { createBlobStoreFromEnv } from "@wallpaperdb/storage/from-env";
import { createTestBucket, type TestBucket } from "@wallpaperdb/storage/testing";
import { deleteWallpaper } from "@wallpaperdb/wallpapers";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  createPipelineHarness,
  listBlobs,
  type PipelineHarness,
  stepsOf,
  waitFor,
  waitProcessed,
} from "./pipeline-harness.ts";

// One wallpaper through everything with BLOB_STORE=s3 on a real S3 server (OpenStack Swift,
// scripts/swift.sh), configured from env as an operator would (S3_CHECKSUMS left to its default):
// tus upload staged in the bucket → complete → pipeline → media (stored, lazy, rendition, ranged
// original) → delete → blob cleanup.
let bucket: TestBucket;
let harness: PipelineHarness;
const uploader = { id: "s3_pipeline_owner" };

beforeAll(async () => {
  bucket = await createTestBucket("wpdb-pipeline");
  harness = await createPipelineHarness({
    blobStore: createBlobStoreFromEnv(bucket.env),
    extraComponents: ["blob-cleanup"],
  });
  await harness.database.db.insert(users).values({ ...uploader, name: "owner", email: "s3@example.test" });
  await harness.start();
});

afterAll(async () => {
  await harness?.cleanup();
  await bucket?.drop();
});

async function media(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const deps: MediaDeps = {
    db: harness.database.db,
    blobStore: harness.blobStore,
    logger: createLogger("s3-media", "warn"),
    variantCache: null,
  };
  const request = new Request(new URL(path, "http://localhost"), { headers });
  const [, , id = "", ...rest] = new URL(request.url).pathname.split("/");
  const response = await handleMediaRequest(deps, request, id, rest);
  // An unversioned variant URL redirects to its content-hashed one, as a browser would follow.
  const location = response.headers.get("location");
  return response.status === 302 && location ? media(location, headers) : response;
}

it("uploads, processes, serves media and deletes a wallpaper on S3", async () => {
  const env = { ...bucket.env, ALLOW_ANONYMOUS_UPLOADS: "false" };
  const ingest = { ...createIngestServicesFromEnv(env), db: harness.database.db };
  const deps = { ...ingest, blobStore: harness.blobStore, logger: createLogger("s3-ingest", "warn") };
  expect(ingest.staging.kind).toBe("s3");

  // Upload: tus bytes are staged in the bucket (S3Store), complete stores the original there.
  const data = await readFile(corpusJpeg());
  const { uploadId } = await createUpload(deps, { filename: "aqua.jpg", size: data.length }, uploader);
  await sendOverTus(
    createUploadHandler(deps, { identify: async () => uploader }),
    uploadId,
    "aqua.jpg",
    data,
  );
  const { wallpaperId } = await completeUpload(deps, uploadId, uploader);
  if (!wallpaperId) throw new Error("upload did not commit");
  // The staged copy is gone from the bucket: the assembled object, its .info and any partial part.
  expect(await ingest.staging.offset(uploadId)).toBeNull();
  expect(await bucket.keys(uploadId)).toEqual([]);

  // Process: every step done, variants and the analysis blob in the bucket.
  await waitProcessed(harness, [wallpaperId], 90_000);
  const steps = await stepsOf(harness, wallpaperId);
  expect(steps.every((step) => step.state === "done")).toBe(true);
  const [row] = await harness.database.db.select().from(wallpapers).where(eq(wallpapers.id, wallpaperId));
  if (!row) throw new Error("no wallpaper row");
  expect((await harness.blobStore.head(row.originalKey))?.size).toBe(data.length);
  expect(await listBlobs(harness.blobStore, `variants/${wallpaperId}/`)).toEqual(
    ["medium.avif", "preview.avif", "thumb.avif"].map((name) => `variants/${wallpaperId}/${name}`),
  );

  // Serve: a stored variant, a lazy format rendered on first request and stored, a rendition, a range.
  const thumb = await media(`/media/${wallpaperId}/thumb.avif`);
  expect(thumb.status).toBe(200);
  expect(thumb.headers.get("content-type")).toBe("image/avif");
  expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format).toBe("heif");
  const lazy = await media(`/media/${wallpaperId}/preview.jpeg`);
  expect(lazy.status).toBe(200);
  expect((await sharp(Buffer.from(await lazy.arrayBuffer())).metadata()).format).toBe("jpeg");
  expect(await listBlobs(harness.blobStore, `variants/${wallpaperId}/`)).toContain(
    `variants/${wallpaperId}/preview.jpeg`,
  );
  const rendition = await media(`/media/${wallpaperId}/fit/1280x720.webp`);
  expect(rendition.status).toBe(200);
  const fitted = await sharp(Buffer.from(await rendition.arrayBuffer())).metadata();
  expect(fitted.format).toBe("webp");
  expect(Math.max(fitted.width ?? 0, fitted.height ?? 0)).toBeLessThanOrEqual(1280);
  const ranged = await media(`/media/${wallpaperId}/original`, { range: "bytes=100-1123" });
  expect(ranged.status).toBe(206);
  expect(Buffer.from(await ranged.arrayBuffer()).equals(data.subarray(100, 1124))).toBe(true);

  // Delete: the row goes at once; the blob-cleanup worker then empties the bucket of its files.
  await deleteWallpaper(harness.database.db, uploader, wallpaperId);
  expect((await media(`/media/${wallpaperId}/thumb.avif`)).status).toBe(404);
  await waitFor("the wallpaper's blobs deleted", async () => {
    const left = [
      ...(await listBlobs(harness.blobStore, `variants/${wallpaperId}/`)),
      ...(await listBlobs(harness.blobStore, `renditions/${wallpaperId}/`)),
      ...(await listBlobs(harness.blobStore, `derived/${wallpaperId}/`)),
    ];
    return left.length === 0 && !(await harness.blobStore.head(row.originalKey)) ? true : undefined;
  });
});
