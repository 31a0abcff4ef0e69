import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { ContractContext } from "./contract-context.ts";
import { collectKeys } from "./contract-streams.ts";
import { BlobNotFoundError, InvalidBlobKeyError } from "./errors.ts";

export function keyCases({ store, freshPrefix }: ContractContext): void {
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
}

// Kept apart from keyCases so it can run after the concurrency cases, where the suite has always had it.
export function invalidKeyCases({ store }: ContractContext): void {
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
}
