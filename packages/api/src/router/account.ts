import {
  changeUsername,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  setAccountDisabled,
  setOneTimePassword,
  userRoles,
  verifyAccountPassword,
} from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import { users } from "@wallpaperdb/db";
import { deleteAccount, uploadChoices } from "@wallpaperdb/wallpapers";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";

const profile = {
  id: users.id,
  name: users.name,
  username: users.username,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
  mustChangePassword: users.mustChangePassword,
};

const byUserId = z.object({ userId: z.string().min(1).max(200) }).strict();

/** Changing who can sign in is done from a browser session, never with an API key. */
function requireSession(via: "session" | "api_key", what: string): void {
  if (via === "api_key") throw new AppError("forbidden", `${what} while signed in, not with an API key.`);
}

const apiKeysRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.user.id)),

  /** The answer carries the key itself; it is never shown again (only its SHA-256 is stored). */
  create: protectedProcedure
    .input(z.object({ name: z.string().trim().min(1).max(100) }).strict())
    .mutation(({ ctx, input }) => {
      // A leaked key must not be able to mint more keys that outlive its revocation.
      if (ctx.user.via === "api_key") {
        throw new AppError("forbidden", "Create API keys while signed in, not with an API key.");
      }
      return createApiKey(ctx.db, ctx.user.id, input.name);
    }),

  revoke: protectedProcedure
    .input(z.object({ keyId: z.uuid() }).strict())
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.user.id, input.keyId)),
});

const adminUsersRouter = createTRPCRouter({
  list: adminProcedure
    .input(
      z
        .object({
          query: z.string().trim().max(200).optional(),
          limit: z.number().int().min(1).max(200).default(50),
          offset: z.number().int().min(0).max(100_000).default(0),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const pattern = input.query ? `%${input.query.replace(/[\\%_]/g, "\\$&")}%` : undefined;
      const where = pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined;
      const [rows, totals] = await Promise.all([
        ctx.db
          .select(profile)
          .from(users)
          .where(where)
          .orderBy(asc(users.createdAt), asc(users.id))
          .limit(input.limit)
          .offset(input.offset),
        ctx.db.select({ total: count() }).from(users).where(where),
      ]);
      return { users: rows, total: totals[0]?.total ?? 0 };
    }),

  setRole: adminProcedure
    .input(z.object({ userId: z.string().min(1).max(200), role: z.enum(userRoles) }).strict())
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(users)
        .set({ role: input.role, updatedAt: sql`now()` })
        .where(
          and(
            eq(users.id, input.userId),
            // Never leave the install without an admin (that would hand admin to the next sign-up).
            input.role === "admin"
              ? undefined
              : sql`exists (select 1 from ${users} other where other.role = 'admin' and other.id <> ${input.userId})`,
          ),
        )
        .returning(profile);
      if (row) return row;
      const [exists] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      if (!exists) throw new AppError("not_found", "No user with that id.", { userId: input.userId });
      throw new AppError("conflict", "This is the last admin; make someone else admin first.", {
        reason: "last_admin",
      });
    }),

  /** A disabled account cannot sign in or use its API keys; its sessions end at once. */
  setDisabled: adminProcedure
    .input(byUserId.extend({ disabled: z.boolean() }).strict())
    .mutation(({ ctx, input }) => setAccountDisabled(ctx.db, ctx.user.id, input.userId, input.disabled)),

  /** Answers a generated password, shown once; the owner must choose their own at the next sign-in. */
  setOneTimePassword: adminProcedure.input(byUserId).mutation(({ ctx, input }) => {
    requireSession(ctx.user.via, "Set one-time passwords");
    if (!ctx.auth) throw new AppError("dependency_unavailable", "Sign-in is not configured on this server.");
    return setOneTimePassword(ctx.auth.auth, ctx.db, ctx.user.id, input.userId);
  }),
});

export const accountRouter = createTRPCRouter({
  /** The caller's profile, or null when anonymous (the header uses it to show "Sign in"). */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return null;
    const [row] = await ctx.db.select(profile).from(users).where(eq(users.id, ctx.user.id)).limit(1);
    return row ?? null;
  }),
  /** The public handle (`/users/<username>`): lower-case letters, digits, - and _, unique. */
  setUsername: protectedProcedure
    .input(z.object({ username: z.string().max(100) }).strict())
    .mutation(async ({ ctx, input }) => {
      const result = await changeUsername(ctx.db, ctx.user.id, input.username);
      if (result.ok) return { username: result.username };
      if (result.reason === "taken") {
        throw new AppError("conflict", "That name is taken; try another.", { reason: "username_taken" });
      }
      throw new AppError(
        "bad_request",
        "Use 2 to 30 lower-case letters, digits, - or _, starting with a letter or digit.",
        { reason: "invalid_username" },
      );
    }),

  /** Deletes the caller's account after checking its password; its uploads stay (anonymised) or go. */
  delete: protectedProcedure
    .input(z.object({ password: z.string().min(1).max(256), uploads: z.enum(uploadChoices) }).strict())
    .mutation(async ({ ctx, input }) => {
      requireSession(ctx.user.via, "Delete your account");
      if (!ctx.auth)
        throw new AppError("dependency_unavailable", "Sign-in is not configured on this server.");
      if (!(await verifyAccountPassword(ctx.auth.auth, ctx.db, ctx.user.id, input.password))) {
        throw new AppError("forbidden", "That is not your password.", { reason: "wrong_password" });
      }
      return deleteAccount(ctx.db, ctx.user, input.uploads);
    }),
  apiKeys: apiKeysRouter,
  admin: createTRPCRouter({ users: adminUsersRouter }),
});
