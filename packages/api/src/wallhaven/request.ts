import { TRPCError } from "@trpc/server";
import { clientAddress, consumeRateLimit } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import type { ApiDeps, TRPCContext } from "../context.ts";
import { createTRPCContext } from "../context.ts";
import { createCaller } from "../root.ts";
import { wallhavenErrorResponse } from "./errors.ts";

/** wallhaven allows 45 API calls a minute; so does this surface, per API key owner or client address. */
export const WALLHAVEN_CALLS_PER_MINUTE = 45;

export interface WallhavenCall {
  ctx: TRPCContext;
  /** The tRPC app router with this request's context: the same authorization as /api/trpc. */
  caller: ReturnType<typeof createCaller>;
  params: URLSearchParams;
}

/**
 * The identity of a wallhaven request is its API key alone (`X-API-Key` or `?apikey=`, also our own
 * `Authorization: Bearer`): cookies are dropped, as wallhaven's API knows no sessions. The key becomes
 * the bearer header that tRPC's context verifies, so a bad key is 401 exactly as it is over tRPC.
 */
export function apiKeyHeaders(request: Request): Headers {
  const headers = new Headers(request.headers);
  headers.delete("cookie");
  const key = headers.get("x-api-key") ?? new URL(request.url).searchParams.get("apikey");
  if (key !== null && key !== "") headers.set("authorization", `Bearer ${key}`);
  return headers;
}

/** Counts one call; the refusal carries Retry-After, every answer the limit and what is left. */
async function limit(
  deps: ApiDeps,
  who: string,
): Promise<{ refusal: AppError | null; headers: Record<string, string> }> {
  const decision = await consumeRateLimit(deps.db, `wallhaven:${who}`, WALLHAVEN_CALLS_PER_MINUTE, 60_000);
  const headers: Record<string, string> = {
    "x-ratelimit-limit": String(WALLHAVEN_CALLS_PER_MINUTE),
    "x-ratelimit-remaining": String(decision.remaining),
  };
  if (decision.allowed) return { refusal: null, headers };
  headers["retry-after"] = String(decision.retryAfterSeconds);
  const refusal = new AppError(
    "rate_limited",
    `Too many API calls; try again in ${decision.retryAfterSeconds} s.`,
    {
      retryAfterSeconds: decision.retryAfterSeconds,
    },
  );
  return { refusal, headers };
}

/** Procedures throw TRPCErrors around the domain's AppError: answer with the AppError itself. */
function unwrap(error: unknown): unknown {
  if (error instanceof TRPCError) {
    if (error.cause instanceof AppError) return error.cause;
    if (error.code === "BAD_REQUEST") return new AppError("validation_failed", error.message);
    if (error.code === "NOT_FOUND") return new AppError("not_found", error.message);
  }
  return error;
}

/**
 * Runs one wallhaven endpoint: identity, rate limit, the endpoint's own work through the tRPC caller,
 * then `{ data, meta? }` as JSON, or a wallhaven-style error with a stable code.
 */
export async function runWallhaven(
  deps: ApiDeps,
  request: Request,
  endpoint: (call: WallhavenCall) => Promise<object>,
): Promise<Response> {
  const headers = apiKeyHeaders(request);
  const who = (user: { id: string } | null) => (user ? `user:${user.id}` : `ip:${clientAddress(headers)}`);
  let rateHeaders: Record<string, string> = {};
  try {
    let ctx: TRPCContext;
    try {
      ctx = await createTRPCContext({ headers, deps });
    } catch (error) {
      // A bad key counts against its client's address, so guessing keys is limited too.
      const counted = await limit(deps, who(null));
      rateHeaders = counted.headers;
      throw counted.refusal ?? error;
    }
    const counted = await limit(deps, who(ctx.user));
    rateHeaders = counted.headers;
    if (counted.refusal) throw counted.refusal;
    const body = await endpoint({
      ctx,
      caller: createCaller(ctx),
      params: new URL(request.url).searchParams,
    });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json", "cache-control": "no-store", ...rateHeaders },
    });
  } catch (error) {
    const cause = unwrap(error);
    if (!(cause instanceof AppError)) deps.logger.error({ err: error }, "wallhaven API call failed");
    return wallhavenErrorResponse(cause, rateHeaders);
  }
}
