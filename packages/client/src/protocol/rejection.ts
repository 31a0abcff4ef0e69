import { fileRejectionCodes } from "@wallpaperdb/core/errors";

/**
 * The stable codes with which the server refuses a file (the file is at fault, not the transport).
 * The list is the server's own: this package used to keep a copy so that it stood alone, but it is a
 * private workspace package that already takes its types from @wallpaperdb/api, and core/errors is
 * side-effect free, so a copy could only fall behind (taken_down had to be added to both by hand).
 */
export type RejectionCode = (typeof fileRejectionCodes)[number];

export interface Rejection {
  code: RejectionCode;
  message: string;
}

export function isRejectionCode(value: unknown): value is RejectionCode {
  return typeof value === "string" && (fileRejectionCodes as readonly string[]).includes(value);
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
