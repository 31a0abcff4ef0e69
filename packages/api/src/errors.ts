import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { AppError, type ErrorCode } from "@wallpaperdb/core/errors";
import { z } from "zod";

/** How each stable AppError code travels over tRPC (and so which HTTP status the client sees). */
const trpcCodeByAppCode: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  bad_request: "BAD_REQUEST",
  validation_failed: "BAD_REQUEST",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  gone: "NOT_FOUND",
  too_large: "PAYLOAD_TOO_LARGE",
  unsupported_type: "UNSUPPORTED_MEDIA_TYPE",
  too_many_pixels: "UNPROCESSABLE_CONTENT",
  too_long: "UNPROCESSABLE_CONTENT",
  corrupt: "UNPROCESSABLE_CONTENT",
  taken_down: "FORBIDDEN",
  rate_limited: "TOO_MANY_REQUESTS",
  internal: "INTERNAL_SERVER_ERROR",
  dependency_unavailable: "SERVICE_UNAVAILABLE",
};

/** The reverse, for errors tRPC raises itself (unknown procedure, bad JSON, wrong method...). */
const appCodeByTrpcCode: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  PARSE_ERROR: "bad_request",
  BAD_REQUEST: "bad_request",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  METHOD_NOT_SUPPORTED: "bad_request",
  CONFLICT: "conflict",
  PAYLOAD_TOO_LARGE: "too_large",
  UNSUPPORTED_MEDIA_TYPE: "unsupported_type",
  UNPROCESSABLE_CONTENT: "bad_request",
  TOO_MANY_REQUESTS: "rate_limited",
  SERVICE_UNAVAILABLE: "dependency_unavailable",
};

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCodeByAppCode[error.code], message: error.message, cause: error });
}

export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

export interface ClassifiedError {
  code: ErrorCode;
  /** null keeps tRPC's message; a string replaces it (used to hide unexpected failures). */
  message: string | null;
  validation: FieldErrors | null;
  details: Record<string, unknown> | null;
}

function flattenValidation(error: z.core.$ZodError): FieldErrors {
  const flat = z.flattenError(error);
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
    if (messages && messages.length > 0) fieldErrors[field] = messages;
  }
  return { formErrors: flat.formErrors, fieldErrors };
}

/**
 * Decides the stable code a client sees for any tRPC error. Unexpected errors become "internal" and
 * lose their message, because it may carry SQL, hostnames or stack details.
 */
export function classifyError(error: TRPCError): ClassifiedError {
  const cause = error.cause;
  if (cause instanceof AppError) {
    return { code: cause.code, message: cause.message, validation: null, details: cause.details ?? null };
  }
  if (error.code === "BAD_REQUEST" && cause instanceof z.core.$ZodError) {
    return {
      code: "validation_failed",
      message: "Some fields are not valid.",
      validation: flattenValidation(cause),
      details: null,
    };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return {
      code: "internal",
      message: "Something went wrong on our side.",
      validation: null,
      details: null,
    };
  }
  return {
    code: appCodeByTrpcCode[error.code] ?? "internal",
    message: null,
    validation: null,
    details: null,
  };
}
