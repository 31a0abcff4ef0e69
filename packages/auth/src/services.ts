import type { Logger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import { type Auth, createAuth } from "./auth.ts";
import type { AuthSettings } from "./env.ts";
import { createAuthRequestHandler } from "./handler.ts";
import { resolveRequestUser } from "./request-user.ts";
import type { Caller } from "./roles.ts";

/** What a host process (web app, tests) hands the API: who is calling, and the limits to apply. */
export interface AuthServices {
  auth: Auth;
  settings: AuthSettings;
  resolveUser(headers: Headers): Promise<Caller | null>;
  /** The /api/auth/* route handler. */
  handle(request: Request): Promise<Response>;
}

export function createAuthServices(options: {
  db: Database;
  settings: AuthSettings;
  logger: Logger;
}): AuthServices {
  const auth = createAuth(options);
  return {
    auth,
    settings: options.settings,
    resolveUser: (headers) => resolveRequestUser(options.db, auth, headers),
    handle: createAuthRequestHandler(
      auth,
      options.db,
      options.settings.limits,
      options.settings.trustedOrigins,
    ),
  };
}
