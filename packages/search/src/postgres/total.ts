import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";

/** Up to this many matches are counted exactly; beyond it the planner's estimate is returned, flagged. */
export const EXACT_COUNT_CAP = 5000;

type ExplainRow = {
  "QUERY PLAN": [{ Plan: { "Plan Rows": number } }];
};

export async function countMatches(
  db: Executor,
  from: SQL,
  where: SQL,
): Promise<{ total: number; estimate: boolean }> {
  const [counted] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${from} where ${where} limit ${EXACT_COUNT_CAP + 1}) capped`,
  );
  const exact = counted?.n ?? 0;
  if (exact <= EXACT_COUNT_CAP) return { total: exact, estimate: false };
  const [plan] = await db.execute<ExplainRow>(
    sql`explain (format json) select 1 from ${from} where ${where}`,
  );
  const estimated = Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  // The estimate can be below what we already counted; never report fewer than that.
  return { total: Math.max(estimated, exact), estimate: true };
}
