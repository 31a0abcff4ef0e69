import type { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/** Bytes in memory, a Node stream, or a web stream (e.g. `request.body` in a route handler). */
export type BlobBody = Uint8Array | Readable | NodeJS.ReadableStream | WebReadableStream<Uint8Array>;

export interface PutOptions {
  contentType?: string;
  /** Known length lets adapters skip multipart; it is checked against the bytes received. */
  contentLength?: number;
}

export interface PutResult {
  key: string;
  size: number;
  /** Opaque, unquoted; changes whenever the content is replaced. */
  etag: string;
}

/** Inclusive byte range, like HTTP `Range: bytes=start-end`; `end` defaults to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface BlobMetadata {
  key: string;
  /** Size of the whole blob in bytes. */
  size: number;
  etag: string;
  contentType?: string;
  lastModified: Date;
}

export interface GetResult extends BlobMetadata {
  body: Readable;
  /** Bytes in `body`: equals `size` unless a range was requested. */
  contentLength: number;
  /** The inclusive range actually served, when one was requested. */
  range?: { start: number; end: number };
}

export interface ListedBlob {
  key: string;
  size: number;
  lastModified: Date;
}

export interface PresignGetOptions {
  expiresInSeconds: number;
  contentDisposition?: string;
}

export interface PresignPutOptions {
  expiresInSeconds: number;
  contentType?: string;
}

export interface BlobStore {
  readonly kind: "local" | "s3";
  /** Streams the body; readers never observe a partially written blob. */
  put(key: string, body: BlobBody, opts?: PutOptions): Promise<PutResult>;
  /** Throws BlobNotFoundError when absent, InvalidRangeError when the range starts past the end. */
  get(key: string, opts?: { range?: ByteRange }): Promise<GetResult>;
  head(key: string): Promise<BlobMetadata | null>;
  /** Deleting a missing blob is not an error. */
  delete(key: string): Promise<void>;
  /** Every blob whose key starts with `prefix` (plain string prefix, like S3); order unspecified. */
  list(prefix: string): AsyncIterable<ListedBlob>;
  /** Throws BlobStoreUnavailableError with a readable reason when the store cannot be used. */
  ping(): Promise<void>;
  presignGet(key: string, opts: PresignGetOptions): Promise<string>;
  presignPut(key: string, opts: PresignPutOptions): Promise<string>;
}
