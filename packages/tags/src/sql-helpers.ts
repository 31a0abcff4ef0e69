import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";

/** `(a, b, c)` for an IN list; callers never pass an empty list. */
export function list(values: readonly (string | number)[]): SQL {
  return sql`(${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

export async function rows<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result = await executor.execute(query);
  // The caller states the row shape of its own SQL; drizzle cannot infer it from a raw query.
  return [...result] as unknown as T[];
}

// Two-key advisory locks: the first key namespaces them away from other users of advisory locks.
const NAME_LOCK_SPACE = 7_262_101;
const GRAPH_LOCK_SPACE = 7_262_102;

/**
 * Serializes writers that claim a name (tag create/rename, alias add), so a name can never become
 * both a tag and an alias through two concurrent transactions. Sorted to avoid lock-order deadlocks.
 */
export async function lockNames(executor: Executor, names: readonly string[]): Promise<void> {
  for (const name of [...new Set(names)].sort()) {
    await executor.execute(sql`select pg_advisory_xact_lock(${NAME_LOCK_SPACE}, hashtext(${name}))`);
  }
}

/** Serializes implication graph edits: two concurrent links could otherwise form a cycle together. */
export async function lockImplicationGraph(executor: Executor): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(${GRAPH_LOCK_SPACE}, 0)`);
}
