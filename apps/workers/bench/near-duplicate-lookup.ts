// `node apps/workers/bench/near-duplicate-lookup.ts [wallpapers]`: the upload-time near-duplicate lookup
// (matchNearDuplicates: two multi-index candidate sets on wallpaper_hashes, popcount in SQL, colour
// layout in JS) against N wallpapers x 5 crop hashes of random bits, in a scratch database. Random
// hashes spread evenly over the chunk values; real ones cluster somewhat, so read it as a lower bound.
import { createTestDatabase } from "@wallpaperdb/db/testing";
import { type CropHash, SIGNATURE_SCALES } from "@wallpaperdb/imaging/near-duplicates";
import { matchNearDuplicates } from "@wallpaperdb/pipeline";
import { sql } from "drizzle-orm";

const count = Number(process.argv[2] ?? 100_000);
const database = await createTestDatabase("wpdb_bench_near_duplicates");
const out = (line: string) => process.stdout.write(`${line}\n`);
try {
  const seeded = performance.now();
  await database.db.execute(sql`
    insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes, width, height)
    select md5(i::text) || md5((i + 1)::text), 'image', 'image/jpeg', 'originals/' || i, 1000, 1920, 1080
    from generate_series(1, ${count}) i`);
  await database.db.execute(sql`
    insert into wallpaper_hashes (wallpaper_id, scale, hash, layout)
    select w.id, s.scale, h.hash, array_fill(0.5::real, array[48])
    from wallpapers w cross join (values (100), (95), (90), (85), (80)) s(scale)
    cross join lateral (select (random() * 2^62)::bigint * (case when random() < 0.5 then -1 else 1 end) + w.width * 0 as hash) h`);
  await database.db.execute(sql`analyze wallpaper_hashes`);
  out(`seeded ${count} wallpapers x 5 crop hashes in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const randomHex = () =>
    Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  const layout = Array.from({ length: 48 }, () => 0.5);
  const probe = (): CropHash[] => SIGNATURE_SCALES.map((scale) => ({ scale, hash: randomHex(), layout }));
  const id = "00000000-0000-4000-8000-000000000000";
  for (let i = 0; i < 5; i++) await matchNearDuplicates(database.db, id, probe());
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await matchNearDuplicates(database.db, id, probe());
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  out(`matchNearDuplicates: p50 ${times[25]?.toFixed(1)} ms, p95 ${times[47]?.toFixed(1)} ms (50 lookups)`);
} finally {
  await database.drop();
}
