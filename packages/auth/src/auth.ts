import type { Logger } from "@wallpaperdb/core/logger";
import { accounts, type Database, sessions, users, verifications } from "@wallpaperdb/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { AuthSettings } from "./env.ts";
import { promoteIfFirstAccount } from "./first-admin.ts";
import { assignUsername } from "./username.ts";

export interface CreateAuthOptions {
  db: Database;
  settings: AuthSettings;
  logger: Logger;
}

/** The better-auth instance: email + password, sessions in PostgreSQL, role kept on the user row. */
export function createAuth({ db, settings, logger }: CreateAuthOptions) {
  return betterAuth({
    appName: "WallpaperDB",
    baseURL: settings.baseUrl,
    basePath: "/api/auth",
    secret: settings.secret,
    trustedOrigins: settings.trustedOrigins,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    user: {
      modelName: "user",
      additionalFields: {
        // input: false — nobody picks their own role at sign-up; only promoteIfFirstAccount and admins set it.
        role: { type: "string", required: false, defaultValue: "user", input: false },
        // Read-only here: the sign-in answer carries it, so the form can send the user to change it.
        mustChangePassword: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      requireEmailVerification: false,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    // Our own limiter (rate-limit.ts, in PostgreSQL) covers sign-in and sign-up for every process;
    // the library's in-memory one would count per process only.
    rateLimit: { enabled: false },
    advanced: {
      // Secure whenever the site is https (a production deployment); plain http only for local use.
      useSecureCookies: settings.secureCookies,
      cookiePrefix: "wpdb",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: settings.secureCookies },
    },
    telemetry: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await assignUsername(db, user.id, user.name);
            if (await promoteIfFirstAccount(db, user.id)) {
              logger.info({ userId: user.id }, "first account on this install is admin");
            }
          },
        },
      },
      session: {
        create: {
          // A disabled account gets no session, whatever the password (account-admin.ts).
          before: async (session) => {
            const [row] = await db
              .select({ disabledAt: users.disabledAt })
              .from(users)
              .where(eq(users.id, session.userId))
              .limit(1);
            if (row?.disabledAt) {
              throw new APIError("FORBIDDEN", {
                message: "This account is disabled.",
                code: "ACCOUNT_DISABLED",
              });
            }
          },
        },
      },
      account: {
        update: {
          // The owner chose a password of their own: a one-time password set by an admin is done with.
          after: async (account, context) => {
            if (context?.path !== "/change-password") return;
            await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, account.userId));
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
