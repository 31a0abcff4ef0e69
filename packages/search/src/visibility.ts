import type { Executor } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";
import { visible } from "./postgres/filters.ts";

/**
 * Splits ids into those search may show now (processed and approved) and the rest (pending, rejected,
 * unprocessed or deleted), so an index worker knows which to (re)index and which to remove.
 */
export async function partitionVisible(
  db: Executor,
  wallpaperIds: readonly string[],
): Promise<{ visible: string[]; hidden: string[] }> {
  const ids = [...new Set(wallpaperIds)];
  if (ids.length === 0) return { visible: [], hidden: [] };
  const rows = await db.execute<{ id: string }>(sql`select w.id::text as id from wallpapers w
    where w.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and ${visible}`);
  const shown = new Set(rows.map((row) => row.id));
  return { visible: ids.filter((id) => shown.has(id)), hidden: ids.filter((id) => !shown.has(id)) };
}
