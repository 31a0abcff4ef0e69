// The bench's data: 100,000 wallpapers (or `--size N`) with facts, palettes and Zipf-distributed tags,
// generated in SQL in batches of 100,000 with a progress line each, then vacuumed and analysed as a
// live database would be.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import type { TestDatabase } from "@wallpaperdb/db/testing";
import { hexToOklab, MIN_COLOR_FRACTION, namedColorsOf, namedPalette } from "@wallpaperdb/imaging/colors";
import { sql } from "drizzle-orm";

export const WALLPAPERS = 100_000;
/** The tags wallpapers are tagged with by Zipf's law (~6 each); the most used ones the cases query. */
export const TAGS = 2_000;
/**
 * The whole vocabulary (issue #17: "did you mean" and related tags on 20k tags): beyond the Zipf head,
 * a long tail of rare two-word tags on 1–3 wallpapers each, as a real vocabulary has.
 */
export const VOCABULARY = 20_000;
const BATCH = 100_000;

export const out = (line = "") => process.stdout.write(`${line}\n`);
export const load = () =>
  `load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} on ${cpus().length} cores`;

const WORDS = [
  "anime",
  "nature",
  "city",
  "space",
  "mountain",
  "forest",
  "ocean",
  "car",
  "night",
  "sunset",
  "abstract",
  "minimal",
  "landscape",
  "portrait",
  "dark",
  "neon",
  "cyberpunk",
  "fantasy",
  "game",
  "art",
];

export async function seed(database: TestDatabase, size = WALLPAPERS): Promise<void> {
  const { db } = database;
  const t0 = performance.now();
  const step = (what: string) =>
    out(`  seeding: ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s, ${load()})`);
  await db.execute(sql`select setseed(0.42)`);
  // Tags: word-gNNN names, so prefixes hit many tags; rank 1 is the most used.
  await db.execute(sql`insert into tags (name)
    select (array[${sql.raw(WORDS.map((w) => `'${w}'`).join(","))}])[1 + (g - 1) % ${WORDS.length}]
      || case when g <= ${WORDS.length} then '' else '_' || g end
    from generate_series(1, ${TAGS}) g order by g`);
  const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(",")}]`);
  await db.execute(sql`insert into tags (name)
    select (${words})[1 + g % ${WORDS.length}] || '_' || (${words})[1 + (g / ${WORDS.length}) % ${WORDS.length}] || '_' || g
    from generate_series(${TAGS + 1}::int, ${VOCABULARY}::int) g order by g`);
  step("tags done");
  await db.execute(sql`insert into tag_aliases (name, tag_id)
    select 'alias_' || t.name, t.id from tags t where t.id % 10 = 0`);
  step("aliases done");
  // Each batch's new wallpapers, so facts, colours and tags are made for those only.
  await db.execute(sql`create unlogged table bench_batch (id uuid primary key)`);
  for (let from = 1; from <= size; from += BATCH) {
    const to = Math.min(size, from + BATCH - 1);
    await seedBatch(database, from, to);
    step(`wallpapers ${to.toLocaleString("en")} of ${size.toLocaleString("en")}`);
  }
  await db.execute(sql`drop table bench_batch`);
  // The long tail: each rare tag on 1–3 random wallpapers.
  await db.execute(sql`
    insert into wallpaper_tags (wallpaper_id, tag_id, source)
    select n.id, p.tag_id, 'human'::tag_source
    from (select t.id as tag_id, 1 + floor(random() * ${size})::int as pick
          from tags t cross join generate_series(1, 1 + t.id % 3) k where t.id > ${TAGS}) p
    join (select id, row_number() over (order by id) as n from wallpapers) n on n.n = p.pick
    on conflict do nothing`);
  step("long-tail tags done");
  await db.execute(sql`update tags t set wallpaper_count = c.n
    from (select tag_id, count(distinct wallpaper_id)::int as n from wallpaper_tags group by tag_id) c
    where c.tag_id = t.id`);
  step("counts done");
  // VACUUM as autovacuum would on a live database: sets the visibility map (index-only scans) and
  // clears the dead rows the tag_ids triggers left; ANALYZE gives the planner the new statistics.
  await database.sql.unsafe("vacuum analyze");
  step("vacuum analyze done");
  const [counts] = await db.execute<{ w: number; wt: number; c: number; a: number }>(sql`select
    (select count(*)::int from wallpapers) as w, (select count(*)::int from wallpaper_tags) as wt,
    (select count(*)::int from wallpaper_colors) as c, (select count(*)::int from tag_aliases) as a`);
  out(
    `seeded ${counts?.w} wallpapers, ${counts?.wt} tag rows, ${counts?.c} colors, ${VOCABULARY} tags, ${counts?.a} aliases ` +
      `in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** Wallpapers number `from`..`to` with their facts, palettes, colour names and tags. */
async function seedBatch(database: TestDatabase, from: number, to: number): Promise<void> {
  const { db } = database;
  await db.execute(sql`truncate bench_batch`);
  await db.execute(sql`
    with added as (
      insert into wallpapers (id, sha256, media_type, mime_type, original_key, size_bytes, width, height, moderation, processed_at, created_at)
      select gen_random_uuid(), encode(sha256(('bench' || g)::bytea), 'hex'),
        (case when g % 20 = 0 then 'video' else 'image' end)::media_type,
        case when g % 20 = 0 then 'video/mp4' else 'image/jpeg' end, 'originals/bench' || g,
        500000 + (g::bigint * 7919) % 9000000,
        (array[1920, 2560, 3840, 3440, 1080, 1200, 7680, 2560, 1920, 5120])[1 + g % 10],
        (array[1080, 1440, 2160, 1440, 1920, 1200, 4320, 1600, 1200, 2880])[1 + g % 10],
        'approved'::moderation_status,
        now() - (g * 37 || ' seconds')::interval, now() - (g * 37 || ' seconds')::interval
      from generate_series(${from}::int, ${to}::int) g
      returning id)
    insert into bench_batch select id from added`);
  const batch = sql`wallpapers w join bench_batch b on b.id = w.id`;
  await db.execute(sql`
    insert into wallpaper_facts (wallpaper_id, aspect_ratio, aspect_name, orientation, megapixels, quality_score, phash, phash_0, phash_1, phash_2, phash_3)
    select w.id, w.width::real / w.height,
      case when w.width * 9 = w.height * 16 then '16:9' when w.width * 43 = w.height * 100 then '21:9'
           when w.width * 10 = w.height * 16 then '16:10' when w.width * 16 = w.height * 9 then '9:16' else null end,
      case when w.width > w.height then 'landscape' when w.width < w.height then 'portrait' else 'square' end,
      w.width * w.height / 1e6,
      greatest(0, least(100, 55 + 15 * (random() + random() + random() - 1.5) * 2)),
      h, (h >> 48) & 65535, (h >> 32) & 65535, (h >> 16) & 65535, h & 65535
    from ${batch} cross join lateral (select hashtextextended(w.id::text, 1) as h) x`);
  // Colors: 5 per wallpaper from the named palette, with their real OKLab values.
  const palette = namedPalette.map((color, i) => {
    const [l, a, b] = hexToOklab(color.hex);
    return sql`(${i}::int, ${color.hex}::text, ${l}::real, ${a}::real, ${b}::real, ${color.name}::text)`;
  });
  await db.execute(sql`
    with p(i, hex, l, a, b, name) as (values ${sql.join(palette, sql`, `)})
    insert into wallpaper_colors (wallpaper_id, rank, hex, l, a, b, fraction, name, name_hex)
    select w.id, r, p.hex, p.l, p.a, p.b, (array[0.4, 0.25, 0.15, 0.12, 0.08])[r + 1], p.name, p.hex
    from ${batch} cross join generate_series(0, 4) r
    join p on p.i = abs(hashtext(w.id::text || r)::bigint) % ${namedPalette.length}`);
  // Named colours by the one colour rule: every entry sits exactly on a swatch, so an entry covering
  // enough gives the names that swatch's own colour has (itself and its close neighbours).
  const namesAt = namedPalette.map((color, i) => {
    const [l, a, b] = color.oklab;
    const names = namedColorsOf([{ l, a, b, fraction: 1 }]);
    return sql`(${i}::int, ${`{${names.map((n) => `"${n}"`).join(",")}}`}::text[])`;
  });
  await db.execute(sql`
    with p(hex_index, names) as (values ${sql.join(namesAt, sql`, `)})
    update wallpapers w set color_names = coalesce((
      select array_agg(distinct n order by n) from wallpaper_colors c
      join p on p.hex_index = abs(hashtext(w.id::text || c.rank)::bigint) % ${namedPalette.length}
      cross join unnest(p.names) n
      where c.wallpaper_id = w.id and c.fraction >= ${MIN_COLOR_FRACTION}::real), '{}')
    from bench_batch b where b.id = w.id`);
  // ~6 tags per wallpaper, log-uniform ranks (Zipf, s = 1): tag 1 is on ~13 % of wallpapers.
  await db.execute(sql`
    insert into wallpaper_tags (wallpaper_id, tag_id, source)
    select distinct w.id, least(${TAGS}, floor(exp(random() * ln(${TAGS} + 1)))::int), 'human'::tag_source
    from ${batch} cross join generate_series(1, 6) k
    on conflict do nothing`);
  // Near-duplicate signatures: the whole picture and four centre crops, random bits (real hashes
  // cluster somewhat more, so the lookup's numbers are a lower bound).
  await db.execute(sql`
    insert into wallpaper_hashes (wallpaper_id, scale, hash, layout)
    select w.id, s.scale, h.hash, array_fill(0.5::real, array[48])
    from ${batch} cross join (values (100), (95), (90), (85), (80)) s(scale)
    cross join lateral (select hashtextextended(w.id::text || s.scale, 7) + w.width * 0 as hash) h`);
}

export function openSeeded(name: string): TestDatabase {
  const url = new URL(loadDbEnv().DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString(), { max: 5, applicationName: "wallpaperdb-bench" });
  return { ...handle, url: url.toString(), name, drop: () => handle.close() };
}
