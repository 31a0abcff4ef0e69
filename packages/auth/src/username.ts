import { randomBytes } from "node:crypto";
import type { Database } from "@wallpaperdb/db";
import { users } from "@wallpaperdb/db";
import { and, eq, ne, sql } from "drizzle-orm";
import { isValidUsername, usernameFromName } from "./username-rule.ts";

export { isValidUsername, USERNAME_PATTERN, usernameFromName } from "./username-rule.ts";

function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Gives a new account the handle its name suggests, with a short random suffix when that one is taken. */
export async function assignUsername(db: Database, userId: string, name: string): Promise<string> {
  const base = usernameFromName(name);
  for (let attempt = 0; ; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex").slice(0, 5)}`;
    try {
      const rows = await db
        .update(users)
        .set({ username: candidate })
        .where(
          and(
            eq(users.id, userId),
            sql`not exists (select 1 from users other where other.username = ${candidate} and other.id <> ${userId})`,
          ),
        )
        .returning({ username: users.username });
      if (rows[0]) return rows[0].username;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
    if (attempt >= 5) throw new Error(`no free handle for ${userId}`);
  }
}

export type UsernameChange = { ok: true; username: string } | { ok: false; reason: "invalid" | "taken" };

/** The account page's "Handle" field: the new handle if it is valid and free. */
export async function changeUsername(db: Database, userId: string, wanted: string): Promise<UsernameChange> {
  const username = wanted.trim().toLowerCase();
  if (!isValidUsername(username)) return { ok: false, reason: "invalid" };
  try {
    const [taken] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.username, username), ne(users.id, userId)))
      .limit(1);
    if (taken) return { ok: false, reason: "taken" };
    await db.update(users).set({ username, updatedAt: sql`now()` }).where(eq(users.id, userId));
    return { ok: true, username };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}
