import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  authHeaders,
  connectionOf,
  createWallpaperClient,
  type WallpaperClient,
  type WallpaperClientOptions,
} from "./client.ts";
import { guessMimeType } from "./files.ts";
import { sha256OfBytes, sha256OfFile } from "./hash.ts";
import { isRejectionCode, type RejectionCode, rejectionFromError } from "./rejection.ts";
import { abortReason, sendBytes, tusStatus } from "./tus-send.ts";

export type UploadInput = string | Buffer | Uint8Array;
export type UploadTarget = WallpaperClient | WallpaperClientOptions;
export type UploadPhase = "hashing" | "checking" | "uploading" | "processing";

export interface UploadProgress {
  phase: UploadPhase;
  bytesSent: number;
  bytesTotal: number;
}

export interface UploadFileOptions {
  /** Kept as data on the wallpaper; defaults to the path's base name, or "upload" for bytes. */
  filename?: string;
  type?: string;
  chunkSize?: number;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

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

function resolveTarget(target: UploadTarget): {
  client: WallpaperClient;
  connection: WallpaperClientOptions;
} {
  const known = connectionOf(target as WallpaperClient);
  if (known) return { client: target as WallpaperClient, connection: known };
  const options = target as WallpaperClientOptions;
  if (typeof options.baseUrl !== "string") {
    throw new TypeError("uploadFile needs a client made by createWallpaperClient, or its options");
  }
  const client = createWallpaperClient(options);
  return { client, connection: connectionOf(client) ?? options };
}

async function describe(input: UploadInput, filename: string | undefined) {
  if (typeof input === "string") {
    const { size } = await stat(input);
    return { size, filename: filename ?? basename(input), sha256: () => sha256OfFile(input) };
  }
  const bytes = Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return {
    size: bytes.byteLength,
    filename: filename ?? "upload",
    sha256: async () => sha256OfBytes(bytes),
    bytes,
  };
}

/**
 * check → create → tus → complete. A file the server refuses is a result ("rejected" with its code);
 * only transport and server failures throw, so a batch import can keep going past bad files.
 */
export async function uploadFile(
  target: UploadTarget,
  input: UploadInput,
  options: UploadFileOptions = {},
): Promise<UploadResult> {
  const { client, connection } = resolveTarget(target);
  const { signal } = options;
  const file = await describe(input, options.filename);
  const report = (phase: UploadPhase, bytesSent = 0) =>
    options.onProgress?.({ phase, bytesSent, bytesTotal: file.size });
  const base = { bytes: file.size, filename: file.filename };
  const throwIfAborted = () => {
    if (signal?.aborted) throw abortReason(signal);
  };

  // The server's create refuses size 0 as bad input; an empty file is the file's fault, so say so here.
  if (file.size === 0) {
    return {
      ...base,
      status: "rejected",
      code: "corrupt",
      message: "The file is empty.",
      bytesSent: 0,
      sha256: sha256OfBytes(new Uint8Array()),
    };
  }

  report("hashing");
  const sha256 = await file.sha256();
  throwIfAborted();

  report("checking");
  const { existing } = await client.upload.check.query({ sha256: [sha256] }, { signal });
  const found = existing.find((entry) => entry.sha256 === sha256);
  if (found) return { ...base, status: "duplicate", wallpaperId: found.wallpaperId, bytesSent: 0, sha256 };

  const type = options.type ?? guessMimeType(file.filename);
  let created: { uploadId: string; endpoint: string };
  try {
    created = await client.upload.create.mutate(
      { filename: file.filename, size: file.size, ...(type ? { type } : {}) },
      { signal },
    );
  } catch (error) {
    const rejection = rejectionFromError(error);
    if (rejection) return { ...base, status: "rejected", ...rejection, bytesSent: 0, sha256 };
    throw error;
  }

  report("uploading");
  let bytesSent = 0;
  const stream: ReadStream | undefined = typeof input === "string" ? createReadStream(input) : undefined;
  try {
    await sendBytes({
      endpoint: new URL(created.endpoint, `${connection.baseUrl}/`).toString(),
      input: stream ?? (file.bytes as Buffer),
      metadata: { uploadId: created.uploadId, filename: file.filename },
      headers: authHeaders(connection.apiKey),
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      ...(signal ? { signal } : {}),
      onProgress: (sent) => {
        bytesSent = sent;
        report("uploading", sent);
      },
    });
  } catch (error) {
    // The server refuses a too-large or bad body while it arrives; its upload row says why.
    const status = tusStatus(error);
    if (status !== null && status >= 400 && status < 500) {
      const state = await client.upload.byId.query({ uploadId: created.uploadId });
      if (isRejectionCode(state.rejectCode)) {
        return {
          ...base,
          status: "rejected",
          code: state.rejectCode,
          message: state.rejectMessage ?? state.rejectCode,
          bytesSent,
          sha256,
        };
      }
    }
    throw error;
  } finally {
    stream?.destroy();
  }

  report("processing", file.size);
  try {
    const done = await client.upload.complete.mutate({ uploadId: created.uploadId }, { signal });
    return {
      ...base,
      status: done.duplicate ? "duplicate" : "added",
      wallpaperId: done.wallpaperId,
      bytesSent: file.size,
      sha256,
    };
  } catch (error) {
    const rejection = rejectionFromError(error);
    if (rejection) return { ...base, status: "rejected", ...rejection, bytesSent: file.size, sha256 };
    throw error;
  }
}
