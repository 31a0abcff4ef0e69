import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * The account behind `uploader:<name>`, looked up when the search runs: its id (both backends filter
 * on `uploader_id`), `null` for a name no account has (nothing matches), `undefined` without the term.
 * A disabled account's uploads stay findable: disabling stops the person, not their wallpapers.
 */
export async function resolveUploader(
  db: Executor,
  username: string | undefined,
): Promise<string | null | undefined> {
  if (username === undefined) return undefined;
  const [row] = await db.execute<{ id: string }>(
    sql`select id from users where username = ${username} limit 1`,
  );
  return row?.id ?? null;
}

/** The PostgreSQL condition (walks `wallpapers_uploader_newest_idx`); `null` matches nothing. */
export function uploaderCondition(uploaderId: string | null | undefined): SQL | null {
  if (uploaderId === undefined) return null;
  return uploaderId === null ? sql`false` : sql`w.uploader_id = ${uploaderId}`;
}

/** The OpenSearch clause for the same term (documents carry `uploader_id`). */
export function uploaderClause(uploaderId: string | null | undefined): Record<string, unknown> | null {
  if (uploaderId === undefined) return null;
  return uploaderId === null ? { match_none: {} } : { term: { uploader_id: uploaderId } };
}
