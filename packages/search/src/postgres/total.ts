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

/**
 * With a color filter the estimate is trusted much sooner: the candidates come from a semi-join on
 * OKLab distance whose size the planner cannot see (it guessed 7.7k for 17k at 100k wallpapers), and
 * counting its first 1,001 matches cost 100-300 ms; a rare color (the cheap case) still counts exactly.
 */
export const TRUST_COLOR_ESTIMATE_ABOVE = 2 * EXACT_COUNT_CAP;

/**
 * The exact count may take this long (server-side statement timeout) before the estimate is used
 * instead. Some filters cannot be counted cheaply at any cap: a common color is a semi-join whose
 * candidates the planner misjudges, and counting its first 1,001 matches took 100-300 ms at 100k
 * wallpapers. The page query runs beside the count, so this bounds what a total can add to a page.
 */
export const COUNT_BUDGET_MS = 25;

type ExplainRow = {
  "QUERY PLAN": [{ Plan: { "Plan Rows": number } }];
};

/** The exact count, stopped after the cap: exported so the EXPLAIN tests check what runs. */
export function cappedCountQuery(from: SQL, where: SQL): SQL {
  return sql`select count(*)::int as n from (select 1 from ${from} where ${where} limit ${EXACT_COUNT_CAP + 1}) capped`;
}

const isQueryCanceled = (error: unknown): boolean => {
  const code = (value: unknown) => (value as { code?: unknown } | null)?.code;
  return code(error) === "57014" || code((error as { cause?: unknown } | null)?.cause) === "57014";
};

/** The capped count within the budget, or null when PostgreSQL cancelled it for taking longer. */
async function countWithin(db: Executor, query: SQL, budgetMs: number): Promise<number | null> {
  try {
    return await db.transaction(async (tx) => {
      // Transaction-local, so the pooled connection keeps its own timeout afterwards. Both statements
      // are sent at once (postgres.js pipelines them on the transaction's connection, in order).
      const [, [counted]] = await Promise.all([
        tx.execute(sql`select set_config('statement_timeout', ${String(budgetMs)}, true)`),
        tx.execute<{ n: number }>(query),
      ]);
      return counted?.n ?? 0;
    });
  } catch (error) {
    if (isQueryCanceled(error)) return null;
    throw error;
  }
}

export async function countMatches(
  db: Executor,
  from: SQL,
  where: SQL,
  options: { hasColors?: boolean; budgetMs?: number } = {},
): Promise<{ total: number; estimate: boolean }> {
  const budgetMs = options.budgetMs ?? COUNT_BUDGET_MS;
  const trustAbove = options.hasColors ? TRUST_COLOR_ESTIMATE_ABOVE : TRUST_ESTIMATE_ABOVE;
  const [plan] = await db.execute<ExplainRow>(
    sql`explain (format json) select 1 from ${from} where ${where}`,
  );
  const estimated = Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  if (estimated > trustAbove) return { total: estimated, estimate: true };
  const exact = await countWithin(db, cappedCountQuery(from, where), budgetMs);
  if (exact === null) return { total: estimated, estimate: true };
  if (exact <= EXACT_COUNT_CAP) return { total: exact, estimate: false };
  // The estimate can be below what we already counted; never report fewer than that.
  return { total: Math.max(estimated, exact), estimate: true };
}

/**
 * A total never contradicts the page it comes with. The planner's estimate of a young or freshly
 * changed table can be far off (right after the first uploads it said 1 while the page held 14), and
 * it is what a timed-out count falls back to. The first page proves a floor: the matches it shows,
 * plus one when there is a next page; and with no next page it is the exact total.
 */
export function totalWithinPage(
  total: { total: number; estimate: boolean },
  page: { firstPage: boolean; shown: number; more: boolean },
): { total: number; estimate: boolean } {
  if (!page.firstPage) return total;
  if (!page.more) return { total: page.shown, estimate: false };
  const floor = page.shown + 1;
  return total.total >= floor ? total : { total: floor, estimate: true };
}
