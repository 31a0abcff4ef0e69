import type { Database } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";

// Any constant works; it only has to be the same in every process.
const FIRST_ADMIN_LOCK = 7_240_001;

/**
 * Makes `userId` an admin when the install has no admin yet. The advisory lock serializes concurrent
 * sign-ups, so of two accounts created at the same moment exactly one becomes admin: the second takes
 * the lock after the first committed and then sees an admin exists.
 */
export async function promoteIfFirstAccount(db: Database, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
    const rows = await tx.execute(sql`
      update users set role = 'admin', updated_at = now()
      where id = ${userId} and not exists (select 1 from users where role = 'admin')
      returning id`);
    return rows.length === 1;
  });
}
