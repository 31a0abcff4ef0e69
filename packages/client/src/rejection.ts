/**
 * The stable codes with which the server refuses a file; the file is at fault, not the transport.
 * The server's list is `fileRejectionCodes` in @wallpaperdb/core/errors (this package stands alone).
 */
export const rejectionCodes = [
  "unsupported_type",
  "too_large",
  "too_many_pixels",
  "corrupt",
  "too_long",
  "taken_down",
] as const;

export type RejectionCode = (typeof rejectionCodes)[number];

export interface Rejection {
  code: RejectionCode;
  message: string;
}

export function isRejectionCode(value: unknown): value is RejectionCode {
  return typeof value === "string" && (rejectionCodes as readonly string[]).includes(value);
}

/**
 * Reads a tRPC client error (or anything shaped like one) and answers the rejection it carries, or
 * null when the error is about the transport or the server, which callers should see thrown.
 */
export function rejectionFromError(error: unknown): Rejection | null {
  if (typeof error !== "object" || error === null) return null;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== "object" || data === null) return null;
  const code = (data as { code?: unknown }).code;
  if (!isRejectionCode(code)) return null;
  const message = (error as { message?: unknown }).message;
  return { code, message: typeof message === "string" && message ? message : code };
}
