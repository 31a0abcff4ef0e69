import type { ReadStream } from "node:fs";
import { Upload } from "tus-js-client";
import { abortReason, type TransferTarget, tusOptions } from "./protocol/tus.ts";

export interface SendBytesOptions {
  target: TransferTarget;
  /** The app's base URL; a relative endpoint is resolved against it. */
  baseUrl: string;
  /** A file stream (read in slices from its path, so resumes re-read from disk) or bytes in memory. */
  input: ReadStream | Buffer;
  headers: Record<string, string>;
  chunkSize?: number;
  signal?: AbortSignal | undefined;
  onProgress?: (bytesSent: number, bytesTotal: number) => void;
}

/** Node's byte transport: one tus upload from start to finish, cancelled by the signal. */
export function sendBytes(options: SendBytesOptions): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    // tus-js-client's types list Buffer/Blob/reader only, but its Node reader also takes an
    // fs.ReadStream with a path and slices it by byte range, which is what makes resuming cheap.
    const upload = new Upload(options.input as Buffer, {
      ...tusOptions(options.target, `${options.baseUrl}/`),
      headers: options.headers,
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
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
