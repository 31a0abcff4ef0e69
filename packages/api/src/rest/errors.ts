import { TRPCError } from "@trpc/server";
import { AppError, problemResponse } from "@wallpaperdb/core/errors";
import { classifyError } from "../errors.ts";

/**
 * The same decision the tRPC error formatter makes (`classifyError`), as an AppError so HTTP answers it
 * as problem+json: one code for one failure whichever way the procedure was called.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof TRPCError)) return new AppError("internal", "Something went wrong on our side.");
  const classified = classifyError(error);
  const details: Record<string, unknown> = { ...(classified.details ?? {}) };
  if (classified.validation) {
    details.fieldErrors = classified.validation.fieldErrors;
    details.formErrors = classified.validation.formErrors;
  }
  return new AppError(
    classified.code,
    classified.message ?? error.message,
    Object.keys(details).length > 0 ? details : undefined,
  );
}

/** problem+json, with Retry-After when the refusal says when to come back (rate_limited). */
export function restProblem(error: AppError, instance: string): Response {
  const seconds = error.details?.retryAfterSeconds;
  return problemResponse(
    error,
    instance,
    typeof seconds === "number" ? { "retry-after": String(seconds) } : {},
  );
}
