import { initTRPC } from "@trpc/server";
import { AppError } from "@wallpaperdb/core/errors";
import superjson from "superjson";
import type { SessionUser, TRPCContext, UserRole } from "./context.ts";
import { classifyError, toTRPCError } from "./errors.ts";

export type { ApiDeps, CreateContextOptions, SessionUser, TRPCContext, UserRole } from "./context.ts";
export { createTRPCContext } from "./context.ts";

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
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

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw toTRPCError(new AppError("unauthorized", "Sign in to do this."));
  return next({ ctx: { user: ctx.user } });
});

function requireRole(allowed: readonly UserRole[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    const user: SessionUser = ctx.user;
    if (!allowed.includes(user.role)) {
      throw toTRPCError(
        new AppError("forbidden", "Your account is not allowed to do this.", { required: allowed }),
      );
    }
    return next({ ctx: { user } });
  });
}

export const curatorProcedure = requireRole(["curator", "admin"]);
export const adminProcedure = requireRole(["admin"]);
