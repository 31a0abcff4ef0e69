import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Purity } from "@wallpaperdb/db/purity";
import {
  authHeaders,
  type Connection,
  connectionOf,
  createWallpaperClient,
  type WallpaperClient,
  type WallpaperClientOptions,
} from "./client.ts";
import { guessMimeType } from "./files.ts";
import { sha256OfBytes, sha256OfFile } from "./hash.ts";
import type { RejectionCode } from "./protocol/rejection.ts";
import { runUpload, type UploadPhase, type UploadPorts } from "./protocol/run-upload.ts";
import { sendBytes } from "./tus-send.ts";

export type UploadInput = string | Buffer | Uint8Array;
export type UploadTarget = WallpaperClient | WallpaperClientOptions;

export interface UploadProgress {
  phase: UploadPhase;
  bytesSent: number;
  bytesTotal: number;
}

export interface UploadFileOptions {
  /** Kept as data on the wallpaper; defaults to the path's base name, or "upload" for bytes. */
  filename?: string;
  type?: string;
  /** sfw (the default), sketchy or nsfw */
  purity?: Purity;
  chunkSize?: number;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /**
   * A `rate_limited` answer is waited out for the server's Retry-After, at most `retries` times (3) and
   * `maxWaitSeconds` (120) each; past that it throws (`rateLimitOf(error)` tells it apart). `retries: 0`
   * throws at once.
   */
  rateLimit?: { retries?: number; maxWaitSeconds?: number; onWait?: (seconds: number) => void };
}

const defaultRateLimit = { retries: 3, maxWaitSeconds: 120 };

export type UploadStatus = "added" | "duplicate" | "rejected";

export interface UploadResult {
  status: UploadStatus;
  wallpaperId?: string;
  code?: RejectionCode;
  message?: string;
  /** Size of the file. */
  bytes: number;
  /** Bytes that actually crossed the wire (0 when the hash pre-check found the file). */
  bytesSent: number;
  sha256: string;
  filename: string;
}

function resolveTarget(target: UploadTarget): { client: WallpaperClient; connection: Connection } {
  const known = connectionOf(target as WallpaperClient);
  if (known) return { client: target as WallpaperClient, connection: known };
  const options = target as WallpaperClientOptions;
  if (typeof options.baseUrl !== "string") {
    throw new TypeError("uploadFile needs a client made by createWallpaperClient, or its options");
  }
  const client = createWallpaperClient(options);
  const connection = connectionOf(client);
  if (!connection) throw new Error("createWallpaperClient did not register its connection");
  return { client, connection };
}

/** A path is hashed and sent as streams (never read whole); bytes in memory are used as they are. */
async function describe(input: UploadInput, filename: string | undefined) {
  if (typeof input === "string") {
    const { size } = await stat(input);
    return {
      size,
      filename: filename ?? basename(input),
      sha256: () => sha256OfFile(input),
      open: (): ReadStream | Buffer => createReadStream(input),
    };
  }
  const bytes = Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return {
    size: bytes.byteLength,
    filename: filename ?? "upload",
    sha256: async () => sha256OfBytes(bytes),
    open: (): ReadStream | Buffer => bytes,
  };
}

/**
 * The upload protocol (runUpload) with Node's ports: a streamed hash and tus from a file stream. A
 * file the server refuses is a result ("rejected" with its code); a rate limit is waited out (bounded);
 * only transport and server failures throw, so a batch import can keep going past bad files.
 */
export async function uploadFile(
  target: UploadTarget,
  input: UploadInput,
  options: UploadFileOptions = {},
): Promise<UploadResult> {
  const { client, connection } = resolveTarget(target);
  const file = await describe(input, options.filename);
  const report = (phase: UploadPhase, bytesSent: number) =>
    options.onProgress?.({ phase, bytesSent, bytesTotal: file.size });
  const ports: UploadPorts = {
    api: client.upload,
    hash: file.sha256,
    send: async (to, onBytes, signal) => {
      const body = file.open();
      try {
        await sendBytes({
          target: to,
          baseUrl: connection.baseUrl,
          input: body,
          headers: authHeaders(await connection.apiKey()),
          ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
          signal,
          onProgress: onBytes,
        });
      } finally {
        if (!Buffer.isBuffer(body)) body.destroy();
      }
    },
  };
  const outcome = await runUpload(
    {
      filename: file.filename,
      size: file.size,
      type: options.type ?? guessMimeType(file.filename),
      purity: options.purity,
    },
    ports,
    {
      ...(options.signal ? { signal: options.signal } : {}),
      onPhase: (phase) => report(phase, phase === "processing" ? file.size : 0),
      onBytes: (sent) => report("uploading", sent),
      rateLimit: { ...defaultRateLimit, ...options.rateLimit },
    },
  );
  return { ...outcome, bytes: file.size, filename: file.filename };
}
