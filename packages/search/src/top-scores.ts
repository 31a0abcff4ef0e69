import type { Executor } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";
import { topRangeDays, topRanges, utcDay } from "./query/top-range.ts";

/**
 * A favourite gained weighs as much as ten views (wallhaven ranks its toplist by favourites and views;
 * a heart is a deliberate act, a view is not). Net favourites: one added and removed within the range
 * gains nothing, and a range never scores below its views.
 */
export const FAVORITE_WEIGHT = 10;

/** Marks are only needed for today; daily rows a little beyond the longest range. */
const KEEP_DAILY_DAYS = 400;

const LOCK_KEY = 0x706f7075; // "popu": one refresh at a time across every worker process

function daysBefore(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return utcDay(at);
}

/**
 * Recomputes every top list from the daily rows in one pass over the longest range (a FILTERed sum per
 * range), replacing wallpaper_top_scores in one transaction, so a reader sees the old lists or the new
 * ones, never a mix. Prunes past days' view marks and daily rows older than a year. Returns null when
 * another process is already refreshing.
 */
export async function refreshTopScores(
  db: Executor,
  now: Date = new Date(),
): Promise<{ scored: number; prunedMarks: number } | null> {
  const today = utcDay(now);
  const longest = Math.max(...Object.values(topRangeDays));
  const sums = topRanges.map((range, i) => {
    const from = daysBefore(today, topRangeDays[range] - 1);
    return sql`coalesce(sum(views) filter (where day >= ${from}::date), 0)
      + ${FAVORITE_WEIGHT} * greatest(coalesce(sum(favorites) filter (where day >= ${from}::date), 0), 0)
      as ${sql.raw(`s${i}`)}`;
  });
  const picks = topRanges.map((range, i) => sql`(${range}, s.${sql.raw(`s${i}`)})`);
  return db.transaction(async (tx) => {
    const [locked] = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`,
    );
    if (!locked?.ok) return null;
    await tx.execute(sql`delete from wallpaper_top_scores`);
    const inserted = await tx.execute<{ n: number }>(sql`
      with scored as (
        insert into wallpaper_top_scores (range, wallpaper_id, score)
        select r.range, s.wallpaper_id, r.score
        from (
          select wallpaper_id, ${sql.join(sums, sql`, `)}
          from wallpaper_daily_stats
          where day between ${daysBefore(today, longest - 1)}::date and ${today}::date
          group by wallpaper_id
        ) s
        cross join lateral (values ${sql.join(picks, sql`, `)}) as r(range, score)
        where r.score > 0
        returning 1
      )
      select count(*)::int as n from scored`);
    const marks = await tx.execute(sql`delete from wallpaper_view_marks where day < ${today}::date`);
    await tx.execute(
      sql`delete from wallpaper_daily_stats where day < ${daysBefore(today, KEEP_DAILY_DAYS)}::date`,
    );
    return { scored: inserted[0]?.n ?? 0, prunedMarks: marks.count ?? 0 };
  });
}
