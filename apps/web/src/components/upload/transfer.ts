import { type TransferTarget, tusOptions } from "@wallpaperdb/client/protocol";
import { createSHA256 } from "hash-wasm";
import { Upload } from "tus-js-client";

const HASH_SLICE_BYTES = 4 * 1024 * 1024;

/** The browser's hashing port: slices, so a 2 GB video never has to fit in the tab's memory at once. */
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

export interface TransferOptions {
  file: File;
  target: TransferTarget;
  /** Set when a previous attempt already created the tus resource: resume at the server's offset. */
  resumeUrl: string | null;
  onProgress: (bytesSent: number) => void;
  /** The tus upload has its address (`upload.url`): the page saves it so a reload can resume there. */
  onUploadUrl?: () => void;
}

export interface Transfer {
  upload: Upload;
  done: Promise<void>;
}

/**
 * The browser's byte transport: a tus upload whose promise settles only on success or a final error.
 * `abort()` pauses without settling it, and `start()` on the same Upload resumes and later settles
 * the same promise.
 */
export function startTransfer(options: TransferOptions): Transfer {
  let upload: Upload | undefined;
  const done = new Promise<void>((resolve, reject) => {
    upload = new Upload(options.file, {
      ...tusOptions(options.target, window.location.origin),
      ...(options.resumeUrl ? { uploadUrl: options.resumeUrl } : {}),
      onProgress: (sent) => options.onProgress(sent),
      onUploadUrlAvailable: () => options.onUploadUrl?.(),
      onSuccess: () => resolve(),
      onError: (error) => reject(error),
    });
    upload.start();
  });
  if (!upload) throw new Error("tus upload was not created");
  return { upload, done };
}
