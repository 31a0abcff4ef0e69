import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { ContractContext } from "./contract-context.ts";
import { readAll } from "./contract-streams.ts";

export function presignedCases({ store, freshPrefix }: ContractContext): void {
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

  it("refuses presigned URLs whose signature was tampered with", async () => {
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
}
