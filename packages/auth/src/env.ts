import { ConfigError, envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

type EnvSource = Record<string, string | undefined>;

// A fixed development secret keeps local sessions valid across restarts; production must set its own.
const DEVELOPMENT_SECRET = "wallpaperdb-development-auth-secret-do-not-use-in-production";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PUBLIC_BASE_URL: envField.url(["http", "https"]).default("http://localhost:3000"),
  // Signs session cookies; at least 32 characters (`openssl rand -hex 32`). Required in production.
  AUTH_SECRET: z.string().min(32, "expected at least 32 characters").optional(),
  // Extra origins allowed to send cookie-authenticated writes (comma-separated); PUBLIC_BASE_URL always is.
  AUTH_TRUSTED_ORIGINS: z.string().default(""),
  // Sign-in attempts per minute for one client address and email.
  SIGN_IN_RATE_LIMIT_PER_MINUTE: envField.positiveInt().default(5),
  // Accounts created per minute from one client address.
  SIGN_UP_RATE_LIMIT_PER_MINUTE: envField.positiveInt().default(10),
  // upload.create calls per minute for one user (a CLI import of a folder creates one per file).
  UPLOAD_RATE_LIMIT_PER_MINUTE: envField.positiveInt().default(120),
});

export interface AuthSettings {
  baseUrl: string;
  secret: string;
  trustedOrigins: string[];
  /** Secure cookies whenever the site is served over https (always in a real deployment). */
  secureCookies: boolean;
  limits: RateLimitSettings;
}

export interface RateLimitSettings {
  signInPerMinute: number;
  signUpPerMinute: number;
  uploadCreatePerMinute: number;
}

export function loadAuthSettings(source: EnvSource = process.env): AuthSettings {
  const env = parseEnv(schema, source);
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new ConfigError([
      { variable: "AUTH_SECRET", problem: "is required in production (openssl rand -hex 32)" },
    ]);
  }
  const base = new URL(env.PUBLIC_BASE_URL);
  const origins = env.AUTH_TRUSTED_ORIGINS.split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0)
    .map((origin) => new URL(origin).origin);
  return {
    baseUrl: base.origin,
    secret: env.AUTH_SECRET ?? DEVELOPMENT_SECRET,
    trustedOrigins: [...new Set([base.origin, ...origins])],
    secureCookies: base.protocol === "https:",
    limits: {
      signInPerMinute: env.SIGN_IN_RATE_LIMIT_PER_MINUTE,
      signUpPerMinute: env.SIGN_UP_RATE_LIMIT_PER_MINUTE,
      uploadCreatePerMinute: env.UPLOAD_RATE_LIMIT_PER_MINUTE,
    },
  };
}
