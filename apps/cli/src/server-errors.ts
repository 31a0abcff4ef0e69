import { rateLimitOf } from "@wallpaperdb/client";

/** An error that ends the whole run: no later file could fare better. */
export interface FatalError {
  code: "unauthorized" | "unreachable" | "not_wallpaperdb";
  message: string;
  exitCode: number;
}

/** Exit statuses, documented in the usage text and the README. */
export const exitCodes = {
  ok: 0,
  someFailed: 1,
  usage: 2,
  unauthorized: 3,
  unreachable: 4,
} as const;

// What Node's fetch (undici) says when no answer can come from that address at all.
const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
]);

/**
 * Why no answer came, from down the cause chain: a system code (ECONNREFUSED…) with its message, or
 * whatever fetch itself gave as the cause of "fetch failed" (e.g. "bad port"), or null for errors that
 * carry an answer.
 */
export function networkCause(error: unknown): { code: string | null; message: string } | null {
  let current: unknown = error;
  let fetchFailed = false;
  let deepest: { code: string | null; message: string } | null = null;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : "";
    if (typeof code === "string" && unreachableCodes.has(code)) return { code, message: text || code };
    if (fetchFailed) deepest = { code: typeof code === "string" ? code : null, message: text };
    if (current instanceof TypeError && text === "fetch failed") fetchFailed = true;
    // An AggregateError (IPv4 and IPv6 both refused) keeps its causes in `errors`.
    const errors = (current as { errors?: unknown }).errors;
    const nested = Array.isArray(errors) ? errors[0] : undefined;
    current = (current as { cause?: unknown }).cause ?? nested;
  }
  return fetchFailed ? (deepest ?? { code: null, message: "fetch failed" }) : null;
}

function serverCode(error: unknown): string | undefined {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code === "string" ? data.code : undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error && error.cause.message !== error.message;
    return cause ? `${error.message} (${(error.cause as Error).message})` : error.message;
  }
  return String(error);
}

export const keyHint =
  "Set WALLPAPERDB_API_KEY (or --api-key) to a key from the account page, or run `wallpaperdb login`.";

/** Decides whether an error ends the run, and says what to do about it in one message. */
export function fatalOf(error: unknown, baseUrl: string, hadKey: boolean): FatalError | null {
  const network = networkCause(error);
  if (network) {
    return {
      code: "unreachable",
      message: `Cannot reach ${baseUrl}: ${network.code ? `${network.code} (${network.message})` : network.message}. Check --url or WALLPAPERDB_URL.`,
      exitCode: exitCodes.unreachable,
    };
  }
  if (serverCode(error) === "unauthorized") {
    const said = error instanceof Error ? error.message : "unauthorized";
    const lead = hadKey ? "The server refused the API key" : "No API key, and the server wants one";
    return {
      code: "unauthorized",
      message: `${lead} (“${said}”). ${keyHint}`,
      exitCode: exitCodes.unauthorized,
    };
  }
  return null;
}

/** The preflight's answer was not tRPC at all: the URL points at something else. */
export function notWallpaperDb(error: unknown, baseUrl: string): FatalError {
  return {
    code: "not_wallpaperdb",
    message: `${baseUrl} does not answer like a WallpaperDB server: ${describeError(error)}. Check --url or WALLPAPERDB_URL.`,
    exitCode: exitCodes.unreachable,
  };
}

export function isRateLimit(error: unknown): boolean {
  return rateLimitOf(error) !== null;
}
