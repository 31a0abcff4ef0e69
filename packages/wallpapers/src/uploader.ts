import { AppError } from "@wallpaperdb/core/errors";
import { type Database, type Executor, users, wallpapers } from "@wallpaperdb/db";
import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";

export interface UploaderProfile {
  username: string;
  name: string;
  joinedAt: Date;
  /** Its wallpapers anyone may see (processed and approved). */
  publicUploads: number;
}

/**
 * The enabled account with this handle (any case, spaces trimmed); unknown and disabled ones are both
 * `not_found`, so no public page or list can tell them apart.
 */
export async function requirePublicAccount(db: Executor, username: string) {
  const handle = username.trim().toLowerCase();
  const [row] = await db
    .select({ id: users.id, username: users.username, name: users.name, joinedAt: users.createdAt })
    .from(users)
    .where(and(eq(users.username, handle), isNull(users.disabledAt)))
    .limit(1);
  if (!row) throw new AppError("not_found", "No account has that name.", { username: handle });
  return row;
}

/**
 * The public face of an account (`/users/<username>`): handle, display name, when it joined and how many
 * of its uploads are public. Unknown and disabled accounts are both `not_found`, so a page cannot tell them
 * apart. The uploads themselves are a search (`uploader:<username>`), so the page shows the gallery's tiles.
 */
export async function loadUploaderProfile(db: Database, username: string): Promise<UploaderProfile> {
  const row = await requirePublicAccount(db, username);
  const [uploads] = await db
    .select({ total: count() })
    .from(wallpapers)
    .where(
      and(
        eq(wallpapers.uploaderId, row.id),
        isNotNull(wallpapers.processedAt),
        sql`${wallpapers.moderation} = 'approved'`,
      ),
    );
  return {
    username: row.username,
    name: row.name,
    joinedAt: row.joinedAt,
    publicUploads: uploads?.total ?? 0,
  };
}
