import { AppError, problemResponse } from "@wallpaperdb/core/errors";
import type { Database } from "@wallpaperdb/db";
import type { Auth } from "./auth.ts";
import { checkOrigin } from "./csrf.ts";
import type { RateLimitSettings } from "./env.ts";
import { consumeRateLimit, type RateLimitDecision } from "./rate-limit.ts";

const MINUTE = 60_000;
// One email from any number of addresses: bounds guessing even when the client spoofs its address.
const PER_EMAIL_FACTOR = 5;

/** The nearest proxy (Next's server, or the one in front of it) appends the peer's address last. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}

async function emailOf(request: Request): Promise<string> {
  try {
    const body: unknown = await request.clone().json();
    if (body && typeof body === "object" && "email" in body && typeof body.email === "string") {
      return body.email.trim().toLowerCase();
    }
  } catch {
    // Not JSON: better-auth refuses it anyway; count it under an empty email.
  }
  return "";
}

function tooMany(decision: RateLimitDecision, message: string, path: string): Response {
  return problemResponse(
    new AppError("rate_limited", message, { retryAfterSeconds: decision.retryAfterSeconds }),
    path,
    {
      "retry-after": String(decision.retryAfterSeconds),
    },
  );
}

async function limitFor(db: Database, limits: RateLimitSettings, request: Request, path: string) {
  const ip = clientAddress(request.headers);
  if (path.endsWith("/sign-in/email")) {
    const email = await emailOf(request);
    const byClient = await consumeRateLimit(db, `sign-in:${ip}:${email}`, limits.signInPerMinute, MINUTE);
    if (!byClient.allowed) return byClient;
    const byEmail = await consumeRateLimit(
      db,
      `sign-in:*:${email}`,
      limits.signInPerMinute * PER_EMAIL_FACTOR,
      MINUTE,
    );
    return byEmail.allowed ? null : byEmail;
  }
  if (path.endsWith("/sign-up/email")) {
    const decision = await consumeRateLimit(db, `sign-up:${ip}`, limits.signUpPerMinute, MINUTE);
    return decision.allowed ? null : decision;
  }
  return null;
}

/** better-auth's handler behind the shared (PostgreSQL) rate limits on sign-in and sign-up. */
export function createAuthRequestHandler(
  auth: Auth,
  db: Database,
  limits: RateLimitSettings,
  trustedOrigins: readonly string[],
) {
  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    // Also covers sign-in itself (login CSRF), which the library lets through when no cookie is sent yet.
    const refused = checkOrigin(request, trustedOrigins);
    if (refused) return problemResponse(refused, path);
    if (request.method === "POST") {
      const limited = await limitFor(db, limits, request, path);
      if (limited) {
        const what = path.endsWith("/sign-up/email") ? "sign-ups" : "sign-in attempts";
        return tooMany(limited, `Too many ${what}. Try again in ${limited.retryAfterSeconds} s.`, path);
      }
    }
    return auth.handler(request);
  };
}
