import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlobStore } from "./blob-store.ts";
import {
  BlobNotFoundError,
  BlobStoreUnavailableError,
  InvalidBlobKeyError,
  InvalidRangeError,
} from "./errors.ts";

export interface BlobStoreContractFixture {
  store: BlobStore;
  cleanup(): Promise<void>;
  /** A store of the same kind pointed at something unusable (missing bucket, unwritable dir). */
  unavailableStore?: BlobStore;
  /** Whether the server behind presigned URLs rejects a tampered signature (some test servers don't). */
  enforcesPresignedSignatures?: boolean;
  /**
   * Defaults to true. Real S3, MinIO, R2 and the local adapter replace objects atomically;
   * s3rver writes concurrent PUTs into the same file, so its fixture opts out.
   */
  atomicConcurrentPuts?: boolean;
}

const MiB = 1024 * 1024;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function hashStream(body: Readable): Promise<{ hash: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Uint8Array);
    size += (chunk as Uint8Array).length;
  }
  return { hash: hash.digest("hex"), size };
}

// Generates random bytes lazily so the test itself never holds the whole payload.
function randomStream(totalBytes: number, chunkBytes = MiB): { stream: Readable; digest: () => string } {
  const hash = createHash("sha256");
  async function* generate() {
    for (let sent = 0; sent < totalBytes; sent += chunkBytes) {
      const chunk = randomBytes(Math.min(chunkBytes, totalBytes - sent));
      hash.update(chunk);
      yield chunk;
    }
  }
  return { stream: Readable.from(generate()), digest: () => hash.digest("hex") };
}

async function collectKeys(iterable: AsyncIterable<{ key: string }>): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of iterable) keys.push(item.key);
  return keys.sort();
}

export function describeBlobStoreContract(
  name: string,
  setup: () => Promise<BlobStoreContractFixture>,
): void {
  describe(`BlobStore contract: ${name}`, () => {
    let fixture: BlobStoreContractFixture | undefined;
    const store = (): BlobStore => {
      if (!fixture) throw new Error("contract fixture not set up");
      return fixture.store;
    };
    // Each test writes under its own prefix so tests cannot see each other's blobs.
    const freshPrefix = () => `contract/${randomUUID()}/`;

    beforeAll(async () => {
      fixture = await setup();
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    it("ping succeeds on a usable store", async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });

    it("ping fails with a clear BlobStoreUnavailableError on an unusable store", async ({ skip }) => {
      const broken = fixture?.unavailableStore;
      if (!broken) return skip("fixture provides no unavailableStore");
      const error = await broken.ping().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(BlobStoreUnavailableError);
      expect((error as BlobStoreUnavailableError).code).toBe("blob_store_unavailable");
      expect((error as Error).message).toMatch(/does not exist|not writable/);
    });

    it("round-trips bytes with size, etag and content type", async () => {
      const key = `${freshPrefix()}small.bin`;
      const bytes = randomBytes(1000);
      const put = await store().put(key, bytes, { contentType: "image/png" });
      expect(put).toMatchObject({ key, size: 1000 });
      expect(put.etag).toMatch(/\S/);

      const got = await store().get(key);
      expect(sha256(await readAll(got.body))).toBe(sha256(bytes));
      expect(got).toMatchObject({
        key,
        size: 1000,
        contentLength: 1000,
        contentType: "image/png",
        etag: put.etag,
      });

      const head = await store().head(key);
      expect(head).toMatchObject({ key, size: 1000, contentType: "image/png", etag: put.etag });
      expect(head?.lastModified).toBeInstanceOf(Date);
    });

    it("round-trips an empty blob", async () => {
      const key = `${freshPrefix()}empty`;
      expect((await store().put(key, new Uint8Array(0))).size).toBe(0);
      const got = await store().get(key);
      expect((await readAll(got.body)).length).toBe(0);
    });

    it("streams a 20 MB upload of unknown length and reads it back intact", async () => {
      const key = `${freshPrefix()}large.bin`;
      const size = 20 * MiB;
      const source = randomStream(size);
      const put = await store().put(key, source.stream, { contentType: "video/mp4" });
      expect(put.size).toBe(size);
      const got = await store().get(key);
      expect(got.size).toBe(size);
      expect(await hashStream(got.body)).toEqual({ hash: source.digest(), size });
      expect((await store().head(key))?.etag).toBe(put.etag);
    });

    it("streams an upload that ends exactly on a multipart boundary (16 MiB)", async () => {
      const key = `${freshPrefix()}boundary.bin`;
      const source = randomStream(16 * MiB, 4 * MiB);
      expect((await store().put(key, source.stream)).size).toBe(16 * MiB);
      expect(await hashStream((await store().get(key)).body)).toEqual({
        hash: source.digest(),
        size: 16 * MiB,
      });
    });

    it("rejects a stream whose length differs from the declared contentLength, storing nothing", async () => {
      const key = `${freshPrefix()}short.bin`;
      await expect(store().put(key, Readable.from([randomBytes(10)]), { contentLength: 11 })).rejects.toThrow(
        /expected 11 bytes/,
      );
      expect(await store().head(key)).toBeNull();
    });

    it("serves byte ranges", async () => {
      const key = `${freshPrefix()}range.bin`;
      const bytes = randomBytes(4096);
      await store().put(key, bytes);

      const middle = await store().get(key, { range: { start: 100, end: 199 } });
      expect(await readAll(middle.body)).toEqual(bytes.subarray(100, 200));
      expect(middle).toMatchObject({ size: 4096, contentLength: 100, range: { start: 100, end: 199 } });

      const tail = await store().get(key, { range: { start: 4000 } });
      expect(await readAll(tail.body)).toEqual(bytes.subarray(4000));

      const clamped = await store().get(key, { range: { start: 4090, end: 999_999 } });
      expect(await readAll(clamped.body)).toEqual(bytes.subarray(4090));

      await expect(store().get(key, { range: { start: 5000 } })).rejects.toBeInstanceOf(InvalidRangeError);
    });

    it("reports missing blobs: head -> null, get -> BlobNotFoundError", async () => {
      const key = `${freshPrefix()}missing`;
      expect(await store().head(key)).toBeNull();
      const error = await store()
        .get(key)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BlobNotFoundError);
      expect((error as BlobNotFoundError).code).toBe("blob_not_found");
    });

    it("deletes idempotently", async () => {
      const key = `${freshPrefix()}doomed`;
      await store().put(key, randomBytes(10));
      await store().delete(key);
      expect(await store().head(key)).toBeNull();
      await expect(store().delete(key)).resolves.toBeUndefined();
      await expect(store().delete(`${freshPrefix()}never-existed`)).resolves.toBeUndefined();
    });

    it("lists by prefix and not beyond it", async () => {
      const prefix = freshPrefix();
      await store().put(`${prefix}a/1.bin`, randomBytes(1));
      await store().put(`${prefix}a/2.bin`, randomBytes(2));
      await store().put(`${prefix}a/deep/3.bin`, randomBytes(3));
      await store().put(`${prefix}ab.bin`, randomBytes(4));
      await store().put(`${prefix}b/4.bin`, randomBytes(5));

      expect(await collectKeys(store().list(`${prefix}a/`))).toEqual([
        `${prefix}a/1.bin`,
        `${prefix}a/2.bin`,
        `${prefix}a/deep/3.bin`,
      ]);
      // A plain string prefix, as in S3: "a" matches both "a/..." and "ab.bin".
      expect(await collectKeys(store().list(`${prefix}a`))).toHaveLength(4);
      const listed = [];
      for await (const item of store().list(`${prefix}b/`)) listed.push(item);
      expect(listed).toEqual([{ key: `${prefix}b/4.bin`, size: 5, lastModified: expect.any(Date) }]);
      expect(await collectKeys(store().list(`${prefix}nothing/`))).toEqual([]);
    });

    it("overwrites: the latest put wins, with a new etag and content type", async () => {
      const key = `${freshPrefix()}over.bin`;
      const first = await store().put(key, randomBytes(100), { contentType: "image/jpeg" });
      const second = randomBytes(50);
      const put = await store().put(key, second, { contentType: "image/webp" });
      expect(put.etag).not.toBe(first.etag);
      const got = await store().get(key);
      expect(await readAll(got.body)).toEqual(second);
      expect(got).toMatchObject({ size: 50, contentType: "image/webp" });
    });

    it("never shows a half-written blob while a put is in flight", async () => {
      const key = `${freshPrefix()}atomic.bin`;
      const old = randomBytes(1000);
      await store().put(key, old);
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      async function* slow() {
        yield randomBytes(64 * 1024);
        await gate;
        yield randomBytes(64 * 1024);
      }
      const pending = store().put(key, Readable.from(slow()));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await readAll((await store().get(key)).body)).toEqual(old);
      release();
      expect((await pending).size).toBe(128 * 1024);
      expect((await store().head(key))?.size).toBe(128 * 1024);
    });

    it("concurrent puts to one key leave exactly one complete blob", async ({ skip }) => {
      if (fixture?.atomicConcurrentPuts === false)
        return skip("the server behind this fixture is not atomic");
      const key = `${freshPrefix()}race.bin`;
      const payloads = Array.from({ length: 6 }, () => randomBytes(2 * MiB));
      await Promise.all(
        payloads.map((bytes) =>
          store().put(key, Readable.from([bytes.subarray(0, MiB), bytes.subarray(MiB)])),
        ),
      );
      const stored = await readAll((await store().get(key)).body);
      expect(payloads.map((bytes) => sha256(bytes))).toContain(sha256(stored));
      expect(await collectKeys(store().list(key))).toEqual([key]);
    });

    it("rejects invalid keys with InvalidBlobKeyError everywhere", async () => {
      const bad = [
        "",
        "/abs",
        "a/../b",
        "..",
        "a\\b",
        "a//b",
        "a/",
        "tab\there",
        "sp ace",
        "é",
        "x".repeat(513),
      ];
      for (const key of bad) {
        for (const attempt of [
          () => store().put(key, new Uint8Array(1)),
          () => store().get(key),
          () => store().head(key),
          () => store().delete(key),
          () => store().presignGet(key, { expiresInSeconds: 60 }),
          () => store().presignPut(key, { expiresInSeconds: 60 }),
        ]) {
          const error = await attempt().catch((caught: unknown) => caught);
          expect(error, `key ${JSON.stringify(key)}`).toBeInstanceOf(InvalidBlobKeyError);
          expect((error as InvalidBlobKeyError).code).toBe("invalid_blob_key");
        }
      }
      expect(() => store().list("../")).toThrow(InvalidBlobKeyError);
    });

    it("presigned GET URLs download the bytes with plain fetch", async () => {
      const key = `${freshPrefix()}shared.jpg`;
      const bytes = randomBytes(3000);
      await store().put(key, bytes, { contentType: "image/jpeg" });
      const url = await store().presignGet(key, {
        expiresInSeconds: 300,
        contentDisposition: 'attachment; filename="wallpaper.jpg"',
      });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="wallpaper.jpg"');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    });

    it("presigned PUT URLs accept an upload with plain fetch", async () => {
      const key = `${freshPrefix()}direct-upload.png`;
      const bytes = randomBytes(5000);
      const url = await store().presignPut(key, { expiresInSeconds: 300, contentType: "image/png" });
      const response = await fetch(url, {
        method: "PUT",
        body: bytes,
        headers: { "content-type": "image/png" },
      });
      expect(response.status).toBe(200);
      const got = await store().get(key);
      expect(await readAll(got.body)).toEqual(bytes);
      expect(got.contentType).toBe("image/png");
    });

    it("refuses presigned URLs whose signature was tampered with", async ({ skip }) => {
      if (!fixture?.enforcesPresignedSignatures)
        return skip("this server does not verify presigned signatures");
      const key = `${freshPrefix()}guarded.bin`;
      await store().put(key, randomBytes(10));
      const original = new URL(await store().presignGet(key, { expiresInSeconds: 300 }));
      expect((await fetch(original)).status).toBe(200);
      const tampered = new URL(original);
      for (const [param, value] of original.searchParams) {
        if (/^(sig|X-Amz-Signature)$/i.test(param)) {
          tampered.searchParams.set(
            param,
            value.replace(/^./, (c) => (c === "0" ? "1" : "0")),
          );
        }
      }
      expect((await fetch(tampered)).status).toBe(403);
      // A valid signature for one key must not open another.
      const other = new URL(original);
      other.pathname = other.pathname.replace("guarded.bin", "other.bin");
      expect((await fetch(other)).status).toBe(403);
    });
  });
}
