import { AppError, toProblem } from "@wallpaperdb/core/errors";

/** A request this API refuses for one named parameter: validation_failed with the parameter in details. */
export function badParameter(parameter: string, message: string): AppError {
  return new AppError("validation_failed", message, { reason: "invalid_parameter", parameter });
}

/** A documented wallhaven parameter value WallpaperDB has no equivalent for (docs/wallhaven-api.md). */
export function unsupportedParameter(parameter: string, message: string): AppError {
  return new AppError("validation_failed", message, { reason: "unsupported_parameter", parameter });
}

/**
 * wallhaven answers errors as `{"error": "..."}` with the HTTP status (401 bad key, 404, 429); clients
 * check the status. The body keeps that member and adds our problem document's stable `code` and details.
 */
export function wallhavenErrorResponse(error: unknown, headers?: Record<string, string>): Response {
  const { type: _type, title: _title, instance: _instance, detail, ...problem } = toProblem(error);
  return new Response(JSON.stringify({ error: detail, ...problem }), {
    status: problem.status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}
