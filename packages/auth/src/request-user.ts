import { AppError } from "@wallpaperdb/core/errors";
import type { Database } from "@wallpaperdb/db";
import { verifyApiKey } from "./api-keys.ts";
import type { Auth } from "./auth.ts";
import { type Caller, isUserRole } from "./roles.ts";

/**
 * Who sent this request: `authorization: Bearer <api key>` first (scripts), then the session cookie
 * (browsers). A bearer token that is not a live key is an error rather than "anonymous", so a script
 * with a revoked key learns why instead of getting anonymous results.
 */
export async function resolveRequestUser(
  db: Database,
  auth: Auth | undefined,
  headers: Headers,
): Promise<Caller | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const user = match?.[1] ? await verifyApiKey(db, match[1]) : null;
    if (!user) throw new AppError("unauthorized", "The API key is not valid or has been revoked.");
    return user;
  }
  if (!auth) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role: unknown = session.user.role;
  return { id: session.user.id, role: isUserRole(role) ? role : "user", via: "session" };
}
