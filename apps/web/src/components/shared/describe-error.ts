import { type ErrorCode, isErrorCode } from "@wallpaperdb/core/errors";
import { errorMessages, unreachableMessage } from "./error-messages.ts";

/** The error shape our tRPC error formatter sends (see packages/api/src/trpc.ts). */
interface ErrorData {
  code?: string;
  details?: Record<string, unknown> | null;
  fieldErrors?: Record<string, string[]> | null;
}

function chain(value: unknown): string | null {
  return Array.isArray(value) && value.every((part) => typeof part === "string") ? value.join(" → ") : null;
}

// The server's sentence for these is generic (or tRPC's own); the table says what to do instead.
const tableFirst = new Set<ErrorCode>(["internal", "dependency_unavailable", "rate_limited", "unauthorized"]);

/** The headline: the domain's own sentence when it wrote one, else the table's for the code. */
function headline(error: unknown, code: unknown): string {
  const message = error instanceof Error ? error.message.trim() : "";
  if (!isErrorCode(code)) {
    // No code means no answer from our server: fetch failed, or the error is not ours at all.
    if (error instanceof TypeError || (error instanceof Error && error.cause instanceof TypeError)) {
      return unreachableMessage;
    }
    return message || errorMessages.internal;
  }
  // A bare code (`invalid_tag`) or a JSON dump is for programs, never for people.
  if (tableFirst.has(code) || !message || /^[a-z_]+$/u.test(message) || /^[[{]/u.test(message)) {
    return errorMessages[code];
  }
  return message;
}

/**
 * One readable sentence for a failed call, for every place the web app shows an error. Tag rules
 * carry the offending path in details (a cycle, a redundant chain); showing it tells the curator
 * which existing link is in the way.
 */
export function describeError(error: unknown): string {
  if (!error) return "";
  const data = (error as { data?: ErrorData }).data;
  const details = data?.details ?? null;
  const parts = [headline(error, data?.code)];
  const path = chain(details?.path);
  if (path) parts.push(`Path: ${path}`);
  if (Array.isArray(details?.links)) {
    const links = details.links.map(chain).filter((link): link is string => link !== null);
    if (links.length > 0) parts.push(`Would make redundant: ${links.join("; ")}`);
  }
  if (Array.isArray(details?.missing)) parts.push(`Missing: ${details.missing.join(", ")}`);
  const fields = Object.entries(data?.fieldErrors ?? {}).map(
    ([field, errors]) => `${field}: ${errors.join(", ")}`,
  );
  if (fields.length > 0) parts.push(fields.join("; "));
  return parts.join(" — ");
}

/** The stable sub-code (`details.reason`), for tests and for styling specific refusals. */
export function errorReason(error: unknown): string | null {
  const reason = (error as { data?: ErrorData } | null)?.data?.details?.reason;
  return typeof reason === "string" ? reason : null;
}
