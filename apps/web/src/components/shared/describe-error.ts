/** The error shape our tRPC error formatter sends (see packages/api/src/trpc.ts). */
interface ErrorData {
  code?: string;
  details?: Record<string, unknown> | null;
  fieldErrors?: Record<string, string[]> | null;
}

function chain(value: unknown): string | null {
  return Array.isArray(value) && value.every((part) => typeof part === "string") ? value.join(" → ") : null;
}

/**
 * One readable sentence for a failed call. Tag rules carry the offending path in details (a cycle,
 * a redundant chain); showing it tells the curator which existing link is in the way.
 */
export function describeError(error: unknown): string {
  if (!error) return "";
  const message = error instanceof Error ? error.message : "Something went wrong.";
  const data = (error as { data?: ErrorData }).data;
  const details = data?.details ?? null;
  const parts = [message];
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
