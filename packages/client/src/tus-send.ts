import type { ReadStream } from "node:fs";
import { DetailedError, Upload } from "tus-js-client";

export interface SendBytesOptions {
  endpoint: string;
  /** A file stream (read in slices from its path, so resumes re-read from disk) or bytes in memory. */
  input: ReadStream | Buffer;
  metadata: Record<string, string>;
  headers: Record<string, string>;
  chunkSize?: number;
  signal?: AbortSignal;
  onProgress?: (bytesSent: number, bytesTotal: number) => void;
}

/**
 * Backing off; the first retry waits 500 ms because a HEAD sent the instant a connection drops can
 * reach the server before the broken PATCH has settled and answer offset 0 (a full restart).
 */
export const retryDelays = [500, 1000, 3000, 5000];

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The upload was aborted.", "AbortError");
}

/** The HTTP status of a failed tus request, or null when it never got an answer. */
export function tusStatus(error: unknown): number | null {
  if (error instanceof DetailedError) return error.originalResponse?.getStatus() ?? null;
  return null;
}

export function sendBytes(options: SendBytesOptions): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    // tus-js-client's types list Buffer/Blob/reader only, but its Node reader also takes an
    // fs.ReadStream with a path and slices it by byte range, which is what makes resuming cheap.
    const upload = new Upload(options.input as Buffer, {
      endpoint: options.endpoint,
      metadata: options.metadata,
      headers: options.headers,
      retryDelays,
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      // Each call starts from a fresh uploadId, so a fingerprint store would never find a match.
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => options.onProgress?.(sent, total),
      onSuccess: () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      onError: (error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      },
    });
    function onAbort(): void {
      if (!signal) return;
      const reason = abortReason(signal);
      upload.abort(false).then(
        () => reject(reason),
        () => reject(reason),
      );
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    upload.start();
  });
}
