import { describe, expect, it } from "vitest";
import { splitIntoParts } from "./s3-upload.ts";

async function sizes(chunks: Uint8Array[], partSize: number): Promise<number[]> {
  async function* source() {
    yield* chunks;
  }
  const out: number[] = [];
  for await (const part of splitIntoParts(source(), partSize)) out.push(part.length);
  return out;
}

describe("splitIntoParts", () => {
  it("cuts a stream into full parts plus a shorter last one, across chunk boundaries", async () => {
    expect(await sizes([new Uint8Array(7), new Uint8Array(7), new Uint8Array(7)], 10)).toEqual([10, 10, 1]);
    expect(await sizes([new Uint8Array(35)], 10)).toEqual([10, 10, 10, 5]);
  });

  it("emits no empty trailing part when the stream ends on a part boundary", async () => {
    expect(await sizes([new Uint8Array(10)], 10)).toEqual([10]);
    expect(await sizes([new Uint8Array(5), new Uint8Array(15)], 10)).toEqual([10, 10]);
  });

  it("emits one empty part for an empty stream", async () => {
    expect(await sizes([], 10)).toEqual([0]);
  });

  it("keeps the bytes in order", async () => {
    const bytes = Uint8Array.from({ length: 25 }, (_, i) => i);
    async function* source() {
      yield bytes.subarray(0, 3);
      yield bytes.subarray(3, 25);
    }
    const parts: Buffer[] = [];
    for await (const part of splitIntoParts(source(), 10)) parts.push(part);
    expect(Buffer.concat(parts)).toEqual(Buffer.from(bytes));
  });
});
