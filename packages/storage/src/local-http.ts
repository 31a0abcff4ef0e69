import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { BlobStore, ByteRange } from "./blob-store.ts";
import { BlobNotFoundError, InvalidBlobKeyError, InvalidRangeError } from "./errors.ts";
import { assertValidBlobKey } from "./keys.ts";
import { verifyLocalSignature } from "./local-signature.ts";

export interface LocalBlobRequestHandlerOptions {
  store: BlobStore;
  signingSecret: string;
  /** Path the handler is mounted at; must match the URLs the store signs. */
  routePrefix?: string;
  now?: () => number;
}

function parseRange(header: string | null): ByteRange | undefined {
  // Only "bytes=start-" and "bytes=start-end"; anything else is ignored (a full 200 is valid).
  const match = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
  if (!match?.[1]) return undefined;
  return { start: Number(match[1]), ...(match[2] ? { end: Number(match[2]) } : {}) };
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Serves the signed URLs of the local adapter as a fetch-style handler
 * (`(Request) => Promise<Response>`), usable as-is from a Next.js route handler.
 */
export function createLocalBlobRequestHandler(options: LocalBlobRequestHandlerOptions) {
  const prefix = `${(options.routePrefix ?? "/api/blobs").replace(/\/+$/, "")}/`;
  const now = options.now ?? Date.now;

  return async function handleLocalBlobRequest(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(prefix)) return text(404, "Not found");
    const key = decodeURIComponent(url.pathname.slice(prefix.length));
    try {
      assertValidBlobKey(key);
    } catch (error) {
      if (error instanceof InvalidBlobKeyError) return text(400, error.message);
      throw error;
    }
    const method = request.method.toUpperCase();
    if (method !== "GET" && method !== "HEAD" && method !== "PUT") {
      return new Response(null, { status: 405, headers: { allow: "GET, HEAD, PUT" } });
    }
    const params = url.searchParams;
    const disposition = params.get("cd");
    if (
      !verifyLocalSignature(
        key,
        params.get("exp"),
        params.get("sig"),
        method,
        options.signingSecret,
        now(),
        disposition,
      )
    ) {
      return text(403, "Invalid or expired signature");
    }

    if (method === "PUT") {
      if (!request.body) return text(400, "Missing body");
      const declared = request.headers.get("content-length");
      const contentType = request.headers.get("content-type");
      const result = await options.store.put(key, request.body as WebReadableStream<Uint8Array>, {
        ...(contentType ? { contentType } : {}),
        ...(declared ? { contentLength: Number(declared) } : {}),
      });
      return new Response(null, { status: 200, headers: { etag: `"${result.etag}"` } });
    }

    const range = parseRange(request.headers.get("range"));
    try {
      const blob = await options.store.get(key, range ? { range } : {});
      const headers = new Headers({
        "content-length": String(blob.contentLength),
        "content-type": blob.contentType ?? "application/octet-stream",
        etag: `"${blob.etag}"`,
        "last-modified": blob.lastModified.toUTCString(),
        "accept-ranges": "bytes",
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=0",
      });
      if (disposition) headers.set("content-disposition", disposition);
      if (blob.range)
        headers.set("content-range", `bytes ${blob.range.start}-${blob.range.end}/${blob.size}`);
      const status = blob.range ? 206 : 200;
      if (method === "HEAD") {
        blob.body.destroy();
        return new Response(null, { status, headers });
      }
      return new Response(Readable.toWeb(blob.body) as ReadableStream<Uint8Array>, { status, headers });
    } catch (error) {
      if (error instanceof BlobNotFoundError) return text(404, "Not found");
      if (error instanceof InvalidRangeError) return text(416, "Range not satisfiable");
      throw error;
    }
  };
}
