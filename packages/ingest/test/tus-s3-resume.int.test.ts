import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { Readable } from "node:stream";
import { createLogger } from "@wallpaperdb/core/logger";
import { uploads } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { createBlobStoreFromEnv } from "@wallpaperdb/storage/from-env";
import { createTestBucket, serveFetchHandler, type TestBucket } from "@wallpaperdb/storage/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngestServicesFromEnv } from "../src/from-env.ts";
import { createUpload, getUploadStatus, UPLOAD_ENDPOINT } from "../src/index.ts";
import { createUploadHandler } from "../src/tus-server.ts";

// tus uploads staged in a real S3 server (OpenStack Swift, scripts/swift.sh) through @tus/s3-store, as
// with BLOB_STORE=s3: a transfer dropped halfway resumes where the server says it stopped, on the same
// web process and on another one. Resuming rests on ListParts and on the partial part kept beside the
// multipart upload, which the S3 fake used before (s3rver) could not answer.
const MiB = 1024 * 1024;
// The staging store's parts are 8 MiB; a request cut off keeps the parts it completed and drops the rest.
const PART = 8 * MiB;
const SIZE = 20 * MiB;
const SENT = 13 * MiB; // one full part and 5 MiB of the second arrive before the connection dies

let database: TestDatabase;
let bucket: TestBucket;
type WebProcess = Awaited<ReturnType<typeof startWebProcess>>;
let webA: WebProcess;
let webB: WebProcess;

/** One web process: its own S3 clients, tus server and in-memory state, configured from env like the app. */
async function startWebProcess(name: string) {
  const env = { ...bucket.env, ALLOW_ANONYMOUS_UPLOADS: "true", UPLOAD_PROGRESS_INTERVAL_MS: "50" };
  const services = createIngestServicesFromEnv(env);
  const blobStore = createBlobStoreFromEnv(env);
  const logger = createLogger(`tus-s3-${name}`, "warn");
  const deps = { ...services, db: database.db, blobStore, logger };
  const server = await serveFetchHandler(createUploadHandler(deps));
  return { deps, endpoint: `${server.url}${UPLOAD_ENDPOINT}`, close: server.close };
}

beforeAll(async () => {
  database = await createTestDatabase("wpdb_tus_s3");
  bucket = await createTestBucket("wpdb-tus");
  webA = await startWebProcess("a");
  webB = await startWebProcess("b");
});

afterAll(async () => {
  await webA?.close();
  await webB?.close();
  await bucket?.drop();
  await database?.drop();
});

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const tusHeaders = { "Tus-Resumable": "1.0.0" };

async function openTusUpload(web: WebProcess, data: Buffer): Promise<string> {
  const { uploadId } = await createUpload(web.deps, { filename: "big.bin", size: data.length }, null);
  const metadata = [`uploadId ${btoa(uploadId)}`, `filename ${btoa("big.bin")}`].join(",");
  const response = await fetch(web.endpoint, {
    method: "POST",
    headers: { ...tusHeaders, "Upload-Length": String(data.length), "Upload-Metadata": metadata },
  });
  expect(response.status).toBe(201);
  return uploadId;
}

/** A PATCH whose connection dies after `sent` bytes, as when a laptop drops off the network. */
async function patchAndDrop(url: string, data: Buffer, sent: number): Promise<void> {
  await new Promise<void>((resolve) => {
    const request = httpRequest(url, {
      method: "PATCH",
      headers: {
        ...tusHeaders,
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
        "Content-Length": String(data.length),
      },
    });
    request.on("error", () => resolve());
    request.on("response", () => resolve());
    // Small writes so the bytes really leave before the socket is destroyed.
    Readable.from(chunks(data.subarray(0, sent), 256 * 1024))
      .on("data", (chunk: Buffer) => {
        request.write(chunk);
      })
      .on("end", () => {
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 500);
      });
  });
}

function* chunks(data: Buffer, size: number) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

/** The offset a tus client asks for before resuming; HEAD waits until that process let go of the upload. */
async function offsetAt(web: WebProcess, uploadId: string): Promise<number> {
  const response = await fetch(`${web.endpoint}/${uploadId}`, { method: "HEAD", headers: tusHeaders });
  expect(response.status).toBe(200);
  return Number(response.headers.get("upload-offset"));
}

/**
 * The offset once the server has finished with the dropped request: the part it was sending to S3 when
 * the client went away lands a moment later (seconds on a busy machine), so wait until the offset has
 * stopped moving for a second, and give a part in flight up to 20 s to arrive before calling it settled.
 */
async function settledOffset(web: WebProcess, uploadId: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  let last = -1;
  let steady = 0;
  while (Date.now() < deadline) {
    const offset = await offsetAt(web, uploadId);
    steady = offset === last ? steady + 1 : 0;
    last = offset;
    if (steady >= 5 && offset >= PART) return offset;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return last;
}

async function resume(web: WebProcess, uploadId: string, data: Buffer, offset: number) {
  const response = await fetch(`${web.endpoint}/${uploadId}`, {
    method: "PATCH",
    headers: {
      ...tusHeaders,
      "Upload-Offset": String(offset),
      "Content-Type": "application/offset+octet-stream",
    },
    body: data.subarray(offset),
  });
  expect(response.status, await response.clone().text()).toBe(204);
  expect(Number(response.headers.get("upload-offset"))).toBe(data.length);
}

/** What the bucket holds for the upload is byte for byte what was sent, and the row says received. */
async function expectReceivedIntact(web: WebProcess, uploadId: string, data: Buffer) {
  const status = await getUploadStatus(web.deps, uploadId, null);
  expect(status).toMatchObject({ state: "received", receivedBytes: data.length });
  const local = await web.deps.staging.openLocal(uploadId);
  try {
    expect(local.sha256).toBe(sha256(data));
  } finally {
    await local.release();
  }
  // A hash computed while streaming is only kept when every byte passed through in order.
  const [row] = await database.db.select().from(uploads).where(eq(uploads.id, uploadId));
  if (row?.sha256) expect(row.sha256).toBe(sha256(data));
}

describe("tus on S3 (Swift): a transfer dropped halfway", () => {
  it("resumes on the same web process from the offset the store kept", async () => {
    const data = randomBytes(SIZE);
    const uploadId = await openTusUpload(webA, data);
    await patchAndDrop(`${webA.endpoint}/${uploadId}`, data, SENT);

    const kept = await settledOffset(webA, uploadId);
    // The completed part is in the multipart upload; nothing beyond what was sent.
    expect(kept).toBeGreaterThanOrEqual(PART);
    expect(kept).toBeLessThanOrEqual(SENT);
    await resume(webA, uploadId, data, kept);
    await expectReceivedIntact(webA, uploadId, data);
  });

  it("resumes on another web process, which finds the upload's parts in the bucket", async () => {
    const data = randomBytes(SIZE);
    const uploadId = await openTusUpload(webA, data);
    await patchAndDrop(`${webA.endpoint}/${uploadId}`, data, SENT);

    const keptByA = await settledOffset(webA, uploadId);
    const seenByB = await offsetAt(webB, uploadId);
    expect(seenByB).toBe(keptByA);
    expect(seenByB).toBeGreaterThanOrEqual(PART);
    await resume(webB, uploadId, data, seenByB);
    await expectReceivedIntact(webB, uploadId, data);
    // The first process sees the finished upload too (the store is the only shared state).
    expect(await offsetAt(webA, uploadId)).toBe(SIZE);
  });

  it("is cancelled with a tus DELETE that leaves nothing of it in the bucket", async () => {
    const data = randomBytes(SIZE);
    const uploadId = await openTusUpload(webA, data);
    await patchAndDrop(`${webA.endpoint}/${uploadId}`, data, SENT);
    expect(await settledOffset(webA, uploadId)).toBeGreaterThanOrEqual(PART);

    const response = await fetch(`${webB.endpoint}/${uploadId}`, { method: "DELETE", headers: tusHeaders });
    expect(response.status).toBe(204);
    expect(await bucket.keys(uploadId)).toEqual([]);
    expect((await getUploadStatus(webA.deps, uploadId, null)).state).toBe("expired");
  });
});
