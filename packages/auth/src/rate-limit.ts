import type { Database } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window resets (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

/**
 * Counts one hit against `key` in a fixed window. One upsert statement, so concurrent requests from
 * several web processes count correctly without a lock; the row lives in PostgreSQL, shared by all.
 */
export async function consumeRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowMs: number,
): Promise<RateLimitDecision> {
  const interval = `${windowMs} milliseconds`;
  const rows = await db.execute<{ count: number; reset_ms: string }>(sql`
    insert into rate_limits (key, count, window_start) values (${key}, 1, clock_timestamp())
    on conflict (key) do update set
      count = case when rate_limits.window_start <= clock_timestamp() - ${interval}::interval
                   then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= clock_timestamp() - ${interval}::interval
                   then clock_timestamp() else rate_limits.window_start end
    returning count,
      extract(epoch from (window_start + ${interval}::interval - clock_timestamp())) * 1000 as reset_ms`);
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const count = Number(row.count);
  const allowed = count <= limit;
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(Number(row.reset_ms) / 1000)),
    remaining: Math.max(0, limit - count),
  };
}

export interface PruneOptions {
  /** Longer than any window in use, so only counters that can no longer refuse anyone go. */
  olderThanMs?: number;
  /** Count what would go without deleting it. */
  dryRun?: boolean;
}

/**
 * Deletes counters whose window started before `now - olderThanMs`. Keys name client addresses and
 * e-mail addresses, and a new one is made per client and address, so without this the table keeps
 * personal data (and grows) forever; the reconciler calls it every round.
 */
export async function pruneRateLimits(db: Database, now: Date, options: PruneOptions = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? 24 * 60 * 60 * 1000)).toISOString();
  if (options.dryRun) {
    const [row] = await db.execute<{ count: number }>(
      sql`select count(*)::int as count from rate_limits where window_start < ${cutoff}::timestamptz`,
    );
    return Number(row?.count ?? 0);
  }
  const rows = await db.execute(
    sql`delete from rate_limits where window_start < ${cutoff}::timestamptz returning key`,
  );
  return rows.length;
}
