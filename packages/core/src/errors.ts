/**
 * Stable error codes shared by HTTP routes (RFC 7807 problem+json) and tRPC errors. Clients switch on
 * `code`; the human message may change, the code may not.
 */
export const errorCodes = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_type: 415,
  too_many_pixels: 422,
  too_long: 422,
  corrupt: 422,
  // A file moderation took down (a rejected wallpaper that was deleted): its bytes are refused for good.
  taken_down: 451,
  rate_limited: 429,
  internal: 500,
  dependency_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The codes with which an upload is refused for what the file is (not for who sent it or how). */
export const fileRejectionCodes = [
  "unsupported_type",
  "too_large",
  "too_many_pixels",
  "corrupt",
  "too_long",
  "taken_down",
] as const satisfies readonly ErrorCode[];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: ErrorOptions) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCodes[this.code];
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(errorCodes, value);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

const titles: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_failed: "Validation failed",
  unauthorized: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  gone: "Gone",
  too_large: "Too large",
  unsupported_type: "Unsupported file type",
  too_many_pixels: "Too many pixels",
  too_long: "Too long",
  corrupt: "Corrupt file",
  taken_down: "Taken down",
  rate_limited: "Too many requests",
  internal: "Internal error",
  dependency_unavailable: "Service unavailable",
};

/** Turns any thrown value into a problem document; unknown errors never leak their message. */
export function toProblem(error: unknown, instance?: string): Problem {
  const appError =
    error instanceof AppError ? error : new AppError("internal", "Something went wrong on our side.");
  return {
    type: `https://wallpaperdb.dev/errors/${appError.code}`,
    title: titles[appError.code],
    status: appError.status,
    code: appError.code,
    detail: appError.message,
    ...(instance ? { instance } : {}),
    ...(appError.details ?? {}),
  };
}

/** A fetch-API Response carrying an RFC 7807 problem document. */
export function problemResponse(
  error: unknown,
  instance?: string,
  headers?: ConstructorParameters<typeof Headers>[0],
): Response {
  const problem = toProblem(error, instance);
  const responseHeaders = new Headers(headers);
  responseHeaders.set("content-type", "application/problem+json");
  responseHeaders.set("cache-control", "no-store");
  return new Response(JSON.stringify(problem), { status: problem.status, headers: responseHeaders });
}
