import type { Purity } from "@wallpaperdb/db/purity";
import { rateLimitOf, sleep } from "./rate-limit.ts";
import { isRejectionCode, type Rejection, rejectionFromError } from "./rejection.ts";
import { abortReason, type TransferTarget, tusStatus } from "./tus.ts";

export type UploadPhase = "hashing" | "checking" | "uploading" | "processing";

interface CallOptions {
  signal?: AbortSignal | undefined;
}

/**
 * The four upload procedures the protocol calls. A tRPC client's `upload` router is one (the page's
 * and the script client's), and a test can fake it without a server.
 */
export interface UploadApi {
  check: {
    query(
      input: { sha256: string[] },
      options?: CallOptions,
    ): Promise<{ existing: readonly { sha256: string; wallpaperId: string }[] }>;
  };
  create: {
    mutate(
      input: { filename: string; size: number; type?: string; purity?: Purity },
      options?: CallOptions,
    ): Promise<{ uploadId: string; endpoint: string }>;
  };
  complete: {
    mutate(
      input: { uploadId: string },
      options?: CallOptions,
    ): Promise<{ wallpaperId: string; duplicate: boolean }>;
  };
  byId: {
    query(input: { uploadId: string }): Promise<{ rejectCode: string | null; rejectMessage: string | null }>;
  };
}

/** What differs between the browser and Node: how a file is hashed and how its bytes travel. */
export interface UploadPorts {
  api: UploadApi;
  /** The file's SHA-256 in lower-case hex. */
  hash: () => Promise<string>;
  /**
   * Sends every byte to the target (resuming at the server's offset after a drop) and settles when
   * all arrived; the server refusing the body rejects with a tus error that carries its HTTP status.
   */
  send: (target: TransferTarget, onBytes: (bytesSent: number) => void, signal?: AbortSignal) => Promise<void>;
}

export interface UploadSource {
  filename: string;
  size: number;
  /** A hint only: the server establishes the real type from the bytes. */
  type?: string | undefined;
  /** The wallpaper's purity (the server's default, sfw, when left out). */
  purity?: Purity | undefined;
}

/**
 * What an attempt leaves for the next one (the page's Retry): a file is hashed once, and its upload
 * is created once, so a retry resumes the bytes the server already holds.
 */
export interface UploadMemo {
  sha256?: string;
  uploadId?: string;
  endpoint?: string;
}

export interface RunUploadOptions {
  memo?: UploadMemo;
  signal?: AbortSignal;
  onPhase?: (phase: UploadPhase) => void;
  onBytes?: (bytesSent: number) => void;
  /**
   * How a `rate_limited` answer to create is met: waited out (the server's Retry-After) at most
   * `retries` times, each wait at most `maxWaitSeconds`; past either bound the error is thrown. The
   * page leaves it out (0 retries): it shows the message with a Retry button instead of waiting unseen.
   */
  rateLimit?: { retries: number; maxWaitSeconds: number; onWait?: (seconds: number) => void };
}

interface Sent {
  sha256: string;
  /** Bytes that crossed the wire (0 when the hash pre-check found the file). */
  bytesSent: number;
}

export type UploadOutcome =
  | (Sent & { status: "added" | "duplicate"; wallpaperId: string })
  | (Sent & Rejection & { status: "rejected" });

/** SHA-256 of zero bytes: an empty file is refused before anything is hashed or asked. */
const emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * hash → check (dedupe by SHA-256) → create → tus → complete. A file the server refuses is an
 * outcome ("rejected" with its stable code); transport and server failures throw, so a caller can
 * retry (the page) or count the failure and go on (a batch import).
 */
export async function runUpload(
  source: UploadSource,
  ports: UploadPorts,
  options: RunUploadOptions = {},
): Promise<UploadOutcome> {
  const { memo = {}, signal, onPhase } = options;
  // The server's create refuses size 0 as bad input; an empty file is the file's fault, so say so here.
  if (source.size === 0) {
    return {
      status: "rejected",
      code: "corrupt",
      message: "The file is empty.",
      sha256: emptySha256,
      bytesSent: 0,
    };
  }
  if (!memo.sha256) {
    onPhase?.("hashing");
    memo.sha256 = await ports.hash();
  }
  const sha256 = memo.sha256;
  if (signal?.aborted) throw abortReason(signal);

  let bytesSent = 0;
  try {
    onPhase?.("checking");
    const { existing } = await ports.api.check.query({ sha256: [sha256] }, { signal });
    const found = existing.find((entry) => entry.sha256 === sha256);
    if (found) return { status: "duplicate", wallpaperId: found.wallpaperId, sha256, bytesSent: 0 };

    if (!memo.uploadId || !memo.endpoint) {
      const created = await createWithinRateLimit(ports.api, source, options);
      memo.uploadId = created.uploadId;
      memo.endpoint = created.endpoint;
    }
    const { uploadId, endpoint } = memo;

    onPhase?.("uploading");
    const onBytes = (sent: number) => {
      bytesSent = sent;
      options.onBytes?.(sent);
    };
    await ports.send({ endpoint, uploadId, filename: source.filename }, onBytes, signal);
    bytesSent = source.size;

    onPhase?.("processing");
    const done = await ports.api.complete.mutate({ uploadId }, { signal });
    return {
      status: done.duplicate ? "duplicate" : "added",
      wallpaperId: done.wallpaperId,
      sha256,
      bytesSent,
    };
  } catch (error) {
    const rejection = rejectionFromError(error) ?? (await askWhy(ports.api, memo.uploadId, error));
    if (rejection) return { status: "rejected", ...rejection, sha256, bytesSent };
    throw error;
  }
}

async function createWithinRateLimit(
  api: UploadApi,
  source: UploadSource,
  options: RunUploadOptions,
): Promise<{ uploadId: string; endpoint: string }> {
  const { type, purity } = source;
  const input = {
    filename: source.filename,
    size: source.size,
    ...(type ? { type } : {}),
    ...(purity ? { purity } : {}),
  };
  const { signal, rateLimit } = options;
  for (let waits = 0; ; waits += 1) {
    try {
      return await api.create.mutate(input, { signal });
    } catch (error) {
      const limited = rateLimitOf(error);
      if (!limited || !rateLimit || waits >= rateLimit.retries) throw error;
      if (limited.retryAfterSeconds > rateLimit.maxWaitSeconds) throw error;
      rateLimit.onWait?.(limited.retryAfterSeconds);
      await sleep(limited.retryAfterSeconds * 1000, signal);
    }
  }
}

/**
 * The server stops a too-large or bad body while it arrives, answering the tus request with a 4xx;
 * the upload row says why. If even that question fails, the caller sees the transport's error.
 */
async function askWhy(
  api: UploadApi,
  uploadId: string | undefined,
  error: unknown,
): Promise<Rejection | null> {
  const status = tusStatus(error);
  if (!uploadId || status === null || status < 400 || status >= 500) return null;
  const state = await api.byId.query({ uploadId }).catch(() => null);
  if (!state || !isRejectionCode(state.rejectCode)) return null;
  return { code: state.rejectCode, message: state.rejectMessage ?? state.rejectCode };
}
