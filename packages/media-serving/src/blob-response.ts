import { Readable } from "node:stream";
import { AppError } from "@wallpaperdb/core/errors";
import { BlobNotFoundError, type BlobStore, type GetResult } from "@wallpaperdb/storage";
import { etagMatches, parseRange } from "./http-rules.ts";

export const IMMUTABLE = "public, max-age=31536000, immutable";

export interface BlobAnswer {
  key: string;
  /** Quoted strong ETag. */
  etag: string;
  contentType: string;
  cacheControl: string;
  headers?: Record<string, string>;
}

function rangeNotSatisfiable(size: number, instance: string): Response {
  const body = {
    type: "https://wallpaperdb.dev/errors/range_not_satisfiable",
    title: "Range not satisfiable",
    status: 416,
    code: "range_not_satisfiable",
    detail: `The requested range is outside the ${size} bytes of this file.`,
    instance,
    size,
  };
  return new Response(JSON.stringify(body), {
    status: 416,
    headers: {
      "content-type": "application/problem+json",
      "content-range": `bytes */${size}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function blobMissing(): AppError {
  return new AppError("not_found", "The media file is missing.", { reason: "blob_missing" });
}

async function openBlob(blobStore: BlobStore, key: string): Promise<GetResult> {
  try {
    return await blobStore.get(key);
  } catch (error) {
    if (error instanceof BlobNotFoundError) throw blobMissing();
    throw error;
  }
}

/**
 * A stored blob as an HTTP answer: 304 when the client's ETag matches (no blob read at all), one byte
 * range as 206 (416 past the end), HEAD without a body. Bodies stream from the store.
 */
export async function answerWithBlob(
  blobStore: BlobStore,
  request: Request,
  answer: BlobAnswer,
): Promise<Response> {
  const headers = new Headers({
    etag: answer.etag,
    "cache-control": answer.cacheControl,
    "content-type": answer.contentType,
    "x-content-type-options": "nosniff",
    "accept-ranges": "bytes",
    ...answer.headers,
  });
  if (etagMatches(request.headers.get("if-none-match"), answer.etag)) {
    headers.delete("content-type");
    return new Response(null, { status: 304, headers });
  }
  // A range against another version of the file would splice two files together: serve it whole instead.
  const ifRange = request.headers.get("if-range");
  const rangeHeader = ifRange && ifRange !== answer.etag ? null : request.headers.get("range");
  if (!rangeHeader && request.method !== "HEAD") {
    // The common case, a whole-file GET: one open gives the size and the stream (no separate head).
    const blob = await openBlob(blobStore, answer.key);
    headers.set("content-length", String(blob.size));
    return new Response(Readable.toWeb(blob.body) as ReadableStream<Uint8Array>, { status: 200, headers });
  }
  const meta = await blobStore.head(answer.key);
  if (!meta) throw blobMissing();
  const range = parseRange(rangeHeader, meta.size);
  if (range === "unsatisfiable") return rangeNotSatisfiable(meta.size, new URL(request.url).pathname);
  if (range) {
    headers.set("content-range", `bytes ${range.start}-${range.end}/${meta.size}`);
  }
  headers.set("content-length", String(range ? range.end - range.start + 1 : meta.size));
  const status = range ? 206 : 200;
  if (request.method === "HEAD") return new Response(null, { status, headers });
  const blob = await blobStore.get(answer.key, range ? { range } : undefined);
  const body = Readable.toWeb(blob.body) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

export async function readBlob(blobStore: BlobStore, key: string): Promise<Buffer> {
  const blob = await blobStore.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of blob.body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
