import { DetailedError } from "tus-js-client";

/** Where `upload.create` said to send the bytes of one upload. */
export interface TransferTarget {
  /** The tus endpoint as the server gave it (may be relative to the app's origin). */
  endpoint: string;
  uploadId: string;
  filename: string;
}

/**
 * Backing off; the first retry waits 500 ms because a HEAD sent the instant a connection drops can
 * reach the server before the broken PATCH has settled and answer offset 0 (a full restart).
 */
export const retryDelays = [500, 1000, 3000, 5000];

/**
 * The tus-js-client options every byte transport shares, browser or Node. The tus server finds its
 * upload row by the uploadId in the metadata.
 */
export function tusOptions(target: TransferTarget, base: string) {
  return {
    endpoint: new URL(target.endpoint, base).toString(),
    metadata: { uploadId: target.uploadId, filename: target.filename },
    retryDelays,
    // Each upload has its own uploadId, so a stored fingerprint would never match again, only leak.
    storeFingerprintForResuming: false,
  };
}

/** The HTTP status of a failed tus request, or null when it never got an answer. */
export function tusStatus(error: unknown): number | null {
  if (error instanceof DetailedError) return error.originalResponse?.getStatus() ?? null;
  return null;
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The upload was aborted.", "AbortError");
}
