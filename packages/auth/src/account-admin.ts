import { randomBytes } from "node:crypto";
import { AppError } from "@wallpaperdb/core/errors";
import type { Database } from "@wallpaperdb/db";
import { accounts, sessions, users } from "@wallpaperdb/db";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Auth } from "./auth.ts";

/**
 * What an admin does to someone else's account without a mail server: disable it (no sign-in, no API
 * key, every session ends) and hand over a one-time password the owner must replace at the next
 * sign-in. Both refuse the admin's own account, so an admin cannot lock themselves out.
 */

function notYourself(actorId: string, userId: string, what: string): void {
  if (actorId === userId) throw new AppError("conflict", `You cannot ${what} your own account.`);
}

async function requireUser(db: Database, userId: string): Promise<{ role: string }> {
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw new AppError("not_found", "No user with that id.", { userId });
  return row;
}

/** Ends every session of an account (its browsers must sign in again). */
export async function endAllSessions(db: Database, userId: string): Promise<number> {
  const gone = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return gone.length;
}

export async function setAccountDisabled(
  db: Database,
  actorId: string,
  userId: string,
  disabled: boolean,
): Promise<{ disabled: boolean; sessionsEnded: number }> {
  notYourself(actorId, userId, disabled ? "disable" : "enable");
  await requireUser(db, userId);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    // Its sessions end in the same transaction; the session hook (auth.ts) and verifyApiKey keep it out.
    const ended = disabled
      ? await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
      : [];
    return { disabled, sessionsEnded: ended.length };
  });
}

export async function isAccountDisabled(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.disabledAt)))
    .limit(1);
  return row !== undefined;
}

/** 15 characters from an unambiguous alphabet: easy to read out, ~75 bits. */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(15);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10)}`;
}

/**
 * Replaces the account's password with a generated one (returned once, to hand over in person), marks
 * that it must be changed at the next sign-in, and ends its sessions. The hash is better-auth's own
 * (scrypt), so the ordinary sign-in checks it; `/api/auth/change-password` clears the mark (auth.ts).
 */
export async function setOneTimePassword(
  auth: Auth,
  db: Database,
  actorId: string,
  userId: string,
): Promise<{ password: string }> {
  notYourself(actorId, userId, "set a one-time password for");
  await requireUser(db, userId);
  const password = generateOneTimePassword();
  const hash = await (await auth.$context).password.hash(password);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ password: hash, updatedAt: sql`now()` })
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")))
      .returning({ id: accounts.id });
    if (updated.length === 0) {
      await tx.insert(accounts).values({
        id: randomBytes(16).toString("hex"),
        userId,
        accountId: userId,
        providerId: "credential",
        password: hash,
      });
    }
    await tx
      .update(users)
      .set({ mustChangePassword: true, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
  return { password };
}

/** Whether `password` is the account's current password (deleting an account asks for it again). */
export async function verifyAccountPassword(
  auth: Auth,
  db: Database,
  userId: string,
  password: string,
): Promise<boolean> {
  const [row] = await db
    .select({ hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")))
    .limit(1);
  if (!row?.hash) return false;
  return (await auth.$context).password.verify({ hash: row.hash, password });
}
