import { fileRejectionCodes } from "@wallpaperdb/core/errors";
import { createSHA256 } from "hash-wasm";
import { DetailedError, Upload } from "tus-js-client";

const HASH_SLICE_BYTES = 4 * 1024 * 1024;

/** Hashes in slices so a 2 GB video never has to fit in the tab's memory at once. */
export async function sha256OfBlob(blob: Blob, onProgress?: (hashedBytes: number) => void): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let offset = 0; offset < blob.size; offset += HASH_SLICE_BYTES) {
    const end = Math.min(blob.size, offset + HASH_SLICE_BYTES);
    hasher.update(new Uint8Array(await blob.slice(offset, end).arrayBuffer()));
    onProgress?.(end);
  }
  return hasher.digest("hex");
}

export const rejectionCodes: readonly string[] = fileRejectionCodes;

export interface Rejection {
  code: string;
  message: string;
}

/** A refusal of the file itself (shown as "rejected"), as opposed to a network or server failure. */
export function rejectionFromError(error: unknown): Rejection | null {
  if (typeof error !== "object" || error === null) return null;
  const data = (error as { data?: { code?: unknown } | null }).data;
  const code = data?.code;
  if (typeof code !== "string" || !rejectionCodes.includes(code)) return null;
  const message = (error as { message?: unknown }).message;
  return { code, message: typeof message === "string" && message ? message : code };
}

export function tusStatus(error: unknown): number | null {
  return error instanceof DetailedError ? (error.originalResponse?.getStatus() ?? null) : null;
}

export interface TransferOptions {
  file: File;
  endpoint: string;
  uploadId: string;
  /** Set when a previous attempt already created the tus resource: resume at the server's offset. */
  resumeUrl: string | null;
  onProgress: (bytesSent: number) => void;
}

export interface Transfer {
  upload: Upload;
  done: Promise<void>;
}

/**
 * A tus upload whose promise settles only on success or a final error: `abort()` pauses without
 * settling it, and `start()` on the same Upload resumes and later settles the same promise.
 */
export function startTransfer(options: TransferOptions): Transfer {
  let upload: Upload | undefined;
  const done = new Promise<void>((resolve, reject) => {
    upload = new Upload(options.file, {
      endpoint: new URL(options.endpoint, window.location.origin).toString(),
      ...(options.resumeUrl ? { uploadUrl: options.resumeUrl } : {}),
      metadata: { uploadId: options.uploadId, filename: options.file.name },
      // 500 ms first: an instant HEAD after a drop can see offset 0 before the broken PATCH settles.
      retryDelays: [500, 1000, 3000, 5000],
      // Every attempt has its own uploadId; stale localStorage fingerprints would only leak.
      storeFingerprintForResuming: false,
      onProgress: (sent) => options.onProgress(sent),
      onSuccess: () => resolve(),
      onError: (error) => reject(error),
    });
    upload.start();
  });
  if (!upload) throw new Error("tus upload was not created");
  return { upload, done };
}
