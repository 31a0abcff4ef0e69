// What counting a view costs: countView's one statement (mark + daily row + total) for new and
// repeated visitors, and the table size of a day's marks. Run: node packages/api/bench/view-count.ts
// (compare with `redis-benchmark -t sadd` for the per-day Redis set alternative).
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@wallpaperdb/db/testing";
import { countView } from "@wallpaperdb/wallpapers";
import { sql } from "drizzle-orm";
import { insertWallpaperRow } from "../test/callers.ts";
import { seedUsers } from "../test/seed-users.ts";

const WALLPAPERS = 200;
const VIEWS = 5_000;
const database = await createTestDatabase("wpdb_bench_views");
try {
  await seedUsers(database.db, [{ id: "bench_views", role: "user" }]);
  const ids: string[] = [];
  for (let i = 0; i < WALLPAPERS; i++) ids.push(await insertWallpaperRow(database.db, "bench_views"));
  const timed = async (label: string, visitorOf: (i: number) => string) => {
    const times: number[] = [];
    for (let i = 0; i < VIEWS; i++) {
      const t = performance.now();
      await countView(database.db, null, ids[i % WALLPAPERS] ?? "", visitorOf(i));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => (times[Math.floor((times.length - 1) * p)] ?? 0).toFixed(2);
    process.stdout.write(`${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${VIEWS}\n`);
  };
  await timed("new visitor (counted)", (i) => `visitor-${i}`);
  await timed("same visitor again (already counted)", (i) => `visitor-${i}`);
  const [size] = await database.db.execute<{ bytes: number; rows: number }>(sql`
    select pg_total_relation_size('wallpaper_view_marks')::int as bytes,
      (select count(*)::int from wallpaper_view_marks) as rows`);
  process.stdout.write(
    `marks: ${size?.rows} rows, ${Math.round((size?.bytes ?? 0) / (size?.rows || 1))} bytes each with the index\n`,
  );
} finally {
  await database.drop();
}
