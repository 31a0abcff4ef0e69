import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { BlobBody } from "./blob-store.ts";

export function toReadable(body: BlobBody): Readable {
  if (body instanceof Uint8Array) return Readable.from([body]);
  if (body instanceof Readable) return body;
  if (typeof (body as WebReadableStream<Uint8Array>).getReader === "function") {
    return Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  }
  // Legacy NodeJS.ReadableStream (old-style streams): wrap so pipeline/backpressure work.
  return new Readable().wrap(body as NodeJS.ReadableStream);
}

export function resolveRange(
  size: number,
  range: { start: number; end?: number } | undefined,
): { start: number; end: number } | "unsatisfiable" | undefined {
  if (!range) return undefined;
  const { start } = range;
  if (!Number.isSafeInteger(start) || start < 0) return "unsatisfiable";
  if (range.end !== undefined && (!Number.isSafeInteger(range.end) || range.end < start)) {
    return "unsatisfiable";
  }
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(range.end ?? size - 1, size - 1) };
}
