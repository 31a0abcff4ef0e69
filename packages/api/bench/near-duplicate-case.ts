import { createDb } from "@wallpaperdb/db/client";
import type { TestDatabase } from "@wallpaperdb/db/testing";
import { type CropHash, SIGNATURE_SCALES } from "@wallpaperdb/imaging/near-duplicates";
import { matchNearDuplicates } from "@wallpaperdb/pipeline";
import { load, out } from "@wallpaperdb/search/bench/seed";
import { sql } from "drizzle-orm";
import type { Case } from "./search.ts";

const BATCH = 100_000;

/**
 * What the near-duplicate case reads and nothing else (`--only near-duplicate`): bare wallpaper rows
 * and their five crop hashes, the same random bits as the full seed's. A million takes minutes instead
 * of the full seed's half hour.
 */
export async function seedNearDuplicates(database: TestDatabase, size: number): Promise<void> {
  const t0 = performance.now();
  for (let from = 1; from <= size; from += BATCH) {
    const to = Math.min(size, from + BATCH - 1);
    await database.db.execute(sql`
      with added as (
        insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes, width, height)
        select encode(sha256(('bench' || g)::bytea), 'hex'), 'image', 'image/jpeg', 'originals/bench' || g,
          1000, 1920, 1080
        from generate_series(${from}::int, ${to}::int) g
        returning id)
      insert into wallpaper_hashes (wallpaper_id, scale, hash, layout)
      select a.id, s.scale, h.hash, array_fill(0.5::real, array[48])
      from added a cross join (values (100), (95), (90), (85), (80)) s(scale)
      cross join lateral (select hashtextextended(a.id::text || s.scale, 7) as hash) h`);
    out(
      `  seeding near-duplicate hashes: ${to.toLocaleString("en")} of ${size.toLocaleString("en")} (${((performance.now() - t0) / 1000).toFixed(1)} s, ${load()})`,
    );
  }
  // As autovacuum would on a live database: the visibility map (index-only scans) and statistics.
  await database.sql.unsafe("vacuum analyze wallpapers, wallpaper_hashes");
  out(
    `seeded ${size.toLocaleString("en")} wallpapers x 5 crop hashes in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/**
 * The upload-time near-duplicate lookup (the pipeline's matchNearDuplicates) for a new wallpaper's
 * signature of random bits, against the seeded wallpapers' five crop hashes each. It runs on a
 * connection like the worker's (prepared statements, WORKERS_PREPARED_STATEMENTS' default), so the
 * statement is planned as the worker plans it, not parsed and planned afresh on every call.
 */
export function nearDuplicateCase(database: TestDatabase): Case {
  const worker = createDb(database.url, {
    max: 1,
    preparedStatements: true,
    applicationName: "bench-near-dup",
  });
  const randomHex = () =>
    Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  const layout = Array.from({ length: 48 }, () => 0.5);
  const newcomer = "00000000-0000-4000-8000-000000000000";
  return {
    name: "near-duplicate lookup",
    kind: "near-duplicate",
    trpc: () =>
      matchNearDuplicates(
        worker.db,
        newcomer,
        SIGNATURE_SCALES.map((scale): CropHash => ({ scale, hash: randomHex(), layout })),
      ),
    raw: null,
    close: worker.close,
  };
}
