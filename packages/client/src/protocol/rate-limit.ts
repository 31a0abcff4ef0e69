import { abortReason } from "./tus.ts";

/**
 * The seconds the server asked a rate-limited caller to wait (its `rate_limited` error carries them in
 * `data.details.retryAfterSeconds`, the same number as the Retry-After header), or null when the error
 * is not a rate limit. A rate limit is neither the file's fault (not a rejection) nor a broken server.
 */
export function rateLimitOf(error: unknown): { retryAfterSeconds: number } | null {
  if (typeof error !== "object" || error === null) return null;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null) return null;
  if ((data as { code?: unknown }).code !== "rate_limited") return null;
  const details = (data as { details?: unknown }).details;
  const seconds =
    typeof details === "object" && details !== null
      ? (details as { retryAfterSeconds?: unknown }).retryAfterSeconds
      : undefined;
  // Without a number the server still said "later"; a minute is what its limits are counted over.
  return { retryAfterSeconds: typeof seconds === "number" && seconds > 0 ? seconds : 60 };
}

/** Waits, unless the signal aborts first (then rejects with its reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort(): void {
      clearTimeout(timer);
      if (signal) reject(abortReason(signal));
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
