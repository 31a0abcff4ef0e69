import { initTRPC } from "@trpc/server";
import { type Caller, canCurate, type UserRole, userRoles } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import { recordTrpcCall, SpanKind, SpanStatusCode, withSpan } from "@wallpaperdb/telemetry";
import superjson from "superjson";
import type { TRPCContext } from "./context.ts";
import { classifyError, toTRPCError } from "./errors.ts";

export type { ApiDeps, CreateContextOptions, TRPCContext } from "./context.ts";
export { createTRPCContext } from "./context.ts";

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  sse: {
    // Pings keep idle proxies from cutting a subscription; a client that hears nothing for longer
    // than reconnectAfterInactivityMs assumes a dead connection and reconnects with its lastEventId.
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
  errorFormatter({ shape, error }) {
    const classified = classifyError(error);
    const { stack, ...data } = shape.data;
    return {
      ...shape,
      message: classified.message ?? shape.message,
      data: {
        ...data,
        // Never ship stacks of unexpected errors to a browser, even in development builds.
        ...(classified.code === "internal" || stack === undefined ? {} : { stack }),
        code: classified.code,
        fieldErrors: classified.validation?.fieldErrors ?? null,
        formErrors: classified.validation?.formErrors ?? null,
        details: classified.details,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain code throws AppError; this turns it into the matching tRPC code so the HTTP status is right. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError && result.error.code === "INTERNAL_SERVER_ERROR") {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

/**
 * One server span (`trpc.<path>`) and one duration sample per call. Outermost, so it sees the final
 * error code after appErrors has mapped domain errors; a no-op when telemetry is off.
 */
const observed = t.middleware(({ path, type, next }) => {
  const started = performance.now();
  const attributes = { "rpc.system.name": "trpc", "rpc.method": path, "trpc.type": type };
  return withSpan(
    `trpc.${path}`,
    attributes,
    async (span) => {
      const result = await next();
      const status = result.ok ? "ok" : classifyError(result.error).code;
      if (!result.ok) {
        span.recordException(result.error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: status });
        span.setAttribute("rpc.response.status_code", result.error.code);
      }
      recordTrpcCall(path, status, performance.now() - started);
      return result;
    },
    { kind: SpanKind.SERVER },
  );
});

export const publicProcedure = t.procedure.use(observed).use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw toTRPCError(new AppError("unauthorized", "Sign in to do this."));
  return next({ ctx: { user: ctx.user } });
});

function requireRole(allowed: (role: UserRole) => boolean) {
  const required = userRoles.filter(allowed);
  return protectedProcedure.use(({ ctx, next }) => {
    const user: Caller = ctx.user;
    if (!allowed(user.role)) {
      throw toTRPCError(new AppError("forbidden", "Your account is not allowed to do this.", { required }));
    }
    return next({ ctx: { user } });
  });
}

export const curatorProcedure = requireRole(canCurate);
export const adminProcedure = requireRole((role) => role === "admin");
