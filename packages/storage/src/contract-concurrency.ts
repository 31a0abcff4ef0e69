import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import type { ContractContext } from "./contract-context.ts";
import { collectKeys, MiB, readAll, sha256 } from "./contract-streams.ts";

export function concurrencyCases({ store, freshPrefix }: ContractContext): void {
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

  it("concurrent puts to one key leave exactly one complete blob", async () => {
    const key = `${freshPrefix()}race.bin`;
    const payloads = Array.from({ length: 6 }, () => randomBytes(2 * MiB));
    await Promise.all(
      payloads.map((bytes) => store().put(key, Readable.from([bytes.subarray(0, MiB), bytes.subarray(MiB)]))),
    );
    const stored = await readAll((await store().get(key)).body);
    expect(payloads.map((bytes) => sha256(bytes))).toContain(sha256(stored));
    expect(await collectKeys(store().list(key))).toEqual([key]);
  });
}
