import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@wallpaperdb/core/errors";
import { apiKeys, type Database, users } from "@wallpaperdb/db";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Caller, isUserRole } from "./roles.ts";

/** Recognisable in logs and secret scanners; the rest is 256 random bits. */
export const API_KEY_PREFIX = "wpdb_";
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const MAX_KEYS_PER_USER = 50;
const KEY_PATTERN = /^wpdb_[A-Za-z0-9_-]{43}$/;

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

const summary = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** Stores only the hash: the returned `key` is the one and only time anyone sees it. */
export async function createApiKey(
  db: Database,
  userId: string,
  name: string,
): Promise<ApiKeySummary & { key: string }> {
  const [active] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)));
  if ((active?.n ?? 0) >= MAX_KEYS_PER_USER) {
    throw new AppError("conflict", `An account can hold at most ${MAX_KEYS_PER_USER} active API keys.`);
  }
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({ userId, name, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), keyHash: hashApiKey(key) })
    .returning(summary);
  if (!row) throw new AppError("internal", "The API key could not be stored.");
  return { ...row, key };
}

export function listApiKeys(db: Database, userId: string): Promise<ApiKeySummary[]> {
  return db.select(summary).from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt));
}

/** Only the owner revokes; someone else's key id answers not_found so ids cannot be probed. */
export async function revokeApiKey(db: Database, userId: string, keyId: string): Promise<ApiKeySummary> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId)))
    .returning(summary);
  if (!row) throw new AppError("not_found", "No API key with that id.", { keyId });
  return row;
}

/** The owner (with the owner's current role) of an active key, or null. */
export async function verifyApiKey(db: Database, key: string): Promise<Caller | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const [row] = await db
    .select({ keyId: apiKeys.id, userId: users.id, role: users.role, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row || !isUserRole(row.role)) return null;
  // A script may call thousands of times a minute: record use at most once a minute per key.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, row.keyId));
  }
  return { id: row.userId, role: row.role, via: "api_key" };
}
