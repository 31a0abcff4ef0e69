import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import type { ContractContext } from "./contract-context.ts";
import { hashStream, MiB, randomStream, readAll, sha256 } from "./contract-streams.ts";
import { BlobStoreUnavailableError, InvalidRangeError } from "./errors.ts";

export function pingCases({ store, fixture }: ContractContext): void {
  it("ping succeeds on a usable store", async () => {
    await expect(store().ping()).resolves.toBeUndefined();
  });

  it("ping fails with a clear BlobStoreUnavailableError on an unusable store", async ({ skip }) => {
    const broken = fixture().unavailableStore;
    if (!broken) return skip("fixture provides no unavailableStore");
    const error = await broken.ping().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BlobStoreUnavailableError);
    expect((error as BlobStoreUnavailableError).code).toBe("blob_store_unavailable");
    expect((error as Error).message).toMatch(/does not exist|not writable/);
  });
}

export function ioCases({ store, freshPrefix }: ContractContext): void {
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
}
