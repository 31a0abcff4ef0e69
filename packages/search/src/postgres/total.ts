import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";

/** Up to this many matches are counted exactly; beyond it the planner's estimate is returned, flagged. */
export const EXACT_COUNT_CAP = 1000;

/**
 * When the planner expects more matches than this, the exact count is not even tried: counting up to
 * the cap would then read at least EXACT_COUNT_CAP matching rows (plus every non-matching row between
 * them) on every page, the single largest cost of a broad gallery search. Ten times the cap leaves
 * room for the planner's usual misestimates, so a small result is still counted exactly.
 */
export const TRUST_ESTIMATE_ABOVE = 10 * EXACT_COUNT_CAP;

type ExplainRow = {
  "QUERY PLAN": [{ Plan: { "Plan Rows": number } }];
};

/** The exact count, stopped after the cap: exported so the EXPLAIN tests check what runs. */
export function cappedCountQuery(from: SQL, where: SQL): SQL {
  return sql`select count(*)::int as n from (select 1 from ${from} where ${where} limit ${EXACT_COUNT_CAP + 1}) capped`;
}

export async function countMatches(
  db: Executor,
  from: SQL,
  where: SQL,
): Promise<{ total: number; estimate: boolean }> {
  const [plan] = await db.execute<ExplainRow>(
    sql`explain (format json) select 1 from ${from} where ${where}`,
  );
  const estimated = Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  if (estimated > TRUST_ESTIMATE_ABOVE) return { total: estimated, estimate: true };
  const [counted] = await db.execute<{ n: number }>(cappedCountQuery(from, where));
  const exact = counted?.n ?? 0;
  if (exact <= EXACT_COUNT_CAP) return { total: exact, estimate: false };
  // The estimate can be below what we already counted; never report fewer than that.
  return { total: Math.max(estimated, exact), estimate: true };
}
