import { createApiKey, listApiKeys, revokeApiKey, userRoles } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import { users } from "@wallpaperdb/db";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc.ts";

const profile = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
};

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
});

export const accountRouter = createTRPCRouter({
  /** The caller's profile, or null when anonymous (the header uses it to show "Sign in"). */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.user) return null;
    const [row] = await ctx.db.select(profile).from(users).where(eq(users.id, ctx.user.id)).limit(1);
    return row ?? null;
  }),
  apiKeys: apiKeysRouter,
  admin: createTRPCRouter({ users: adminUsersRouter }),
});
