// The top list's data for the search bench: about 10 million views and 100k favourites over a year,
// stored as they are in production, one row per wallpaper per day with activity (≈ 3.6M rows for
// 100k wallpapers active one day in ten), generated in SQL by generate_series, then the top lists
// are computed by the same refresh the popularity worker runs.
import { performance } from "node:perf_hooks";
import type { TestDatabase } from "@wallpaperdb/db/testing";
import { sql } from "drizzle-orm";
import { refreshTopScores } from "../src/top-scores.ts";
import { load, out } from "./seed.ts";

export async function seedPopularity(database: TestDatabase, now: Date = new Date()): Promise<void> {
  const { db } = database;
  const t0 = performance.now();
  const step = (what: string) =>
    out(`  seeding popularity: ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s, ${load()})`);
  // A wallpaper is active on a day one time in ten; a popular one (by its id's hash, one in 50) gets
  // 20-60 views that day, the rest 1-4; a favourite is gained on one active day in 30.
  // In ten slices of the wallpapers (by id hash), a progress line each: a million wallpapers make ~36M rows.
  for (let slice = 0; slice < 10; slice++) {
    await db.execute(sql`
      insert into wallpaper_daily_stats (day, wallpaper_id, views, favorites)
      select ${now.toISOString().slice(0, 10)}::date - d, w.id,
        case when abs(hashtext(w.id::text)::bigint) % 50 = 0 then 20 + abs(hashtext(w.id::text || d)::bigint) % 41
             else 1 + abs(hashtext(w.id::text || d)::bigint) % 4 end,
        case when abs(hashtext(w.id::text || 'f' || d)::bigint) % 30 = 0 then 1 else 0 end
      from wallpapers w cross join generate_series(0, 364) d
      where abs(hashtext(w.id::text || 'slice')::bigint) % 10 = ${slice}
        and abs(hashtext(w.id::text || 'day' || d)::bigint) % 10 = 0`);
    step(`daily rows, slice ${slice + 1} of 10`);
  }
  const [totals] = await db.execute<{ rows: number; views: number; favorites: number }>(sql`
    select count(*)::int as rows, sum(views)::bigint::float8 as views, sum(favorites)::int as favorites
    from wallpaper_daily_stats`);
  step(`${totals?.rows} daily rows, ${totals?.views} views, ${totals?.favorites} favourites`);
  const r0 = performance.now();
  const refreshed = await refreshTopScores(db, now);
  step(`refreshTopScores: ${refreshed?.scored} scores in ${((performance.now() - r0) / 1000).toFixed(1)} s`);
  await database.sql.unsafe("vacuum analyze wallpaper_top_scores");
  await database.sql.unsafe("vacuum analyze wallpaper_daily_stats");
  step("vacuum analyze done");
}
