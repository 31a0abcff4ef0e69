// How "more like this" should find content neighbours in PostgreSQL: `cube` with a GiST index (exact
// k-nearest by `<->`) against plain `real[]` with a prefilter (a 64-bit sign hash of the embedding,
// ranked by popcount, the closest 200 re-ranked exactly). Synthetic embeddings shaped like the real
// ones (unit length, 64 dimensions, clustered: 2,000 themes with spread), in a throwaway database.
//   node packages/search/bench/similar-embedding.ts [rows=100000] [queries=60]
import { performance } from "node:perf_hooks";
import { loadDbEnv } from "@wallpaperdb/db/env";
import postgres from "postgres";

const rows = Number(process.argv[2] ?? 100_000);
const queries = Number(process.argv[3] ?? 60);
const DIMENSIONS = 64;
const LIMIT = 24;
const PREFILTER = 200;

const base = new URL(loadDbEnv().DATABASE_URL);
const name = `wpdb_bench_embedding_${Date.now().toString(36)}`;
const adminUrl = new URL(base);
adminUrl.pathname = "/postgres";
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const dbUrl = new URL(base);
dbUrl.pathname = `/${name}`;
const sql = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });

const print = (line: string) => process.stdout.write(`${line}\n`);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

try {
  await sql.unsafe("create extension if not exists cube");
  // Generated in SQL: a theme per row (2,000 themes), the theme's centre plus noise, scaled to unit length.
  await sql.unsafe(`
    create table centres as
      select c, array_agg(random() * 2 - 1 order by d)::float8[] as v
      from generate_series(0, 1999) c cross join generate_series(1, ${DIMENSIONS}) d group by c;
    create table raw as
      select i, (select array_agg(v[d] + (random() * 2 - 1) * 0.6 order by d)
                 from generate_series(1, ${DIMENSIONS}) d) as v
      from generate_series(1, ${rows}) i join centres on c = i % 2000;
    create table items as
      select i as id, (select array_agg(x / norm order by o)::real[] from unnest(v) with ordinality u(x, o)) as embedding
      from raw, lateral (select sqrt(sum(x * x)) as norm from unnest(v) x) n;
    alter table items add column box cube, add column sign bigint;
    update items set box = cube(embedding::float8[]),
      sign = (select sum(case when embedding[d] > 0 then (1::bigint << (d - 1)) else 0 end)::bigint
              from generate_series(1, 63) d)
        | (case when embedding[64] > 0 then (-9223372036854775807 - 1)::bigint else 0 end);
    create index items_box_idx on items using gist (box);
  `);
  await sql.unsafe("vacuum analyze items");
  const [size] = await sql<{ table: string; gist: string }[]>`
    select pg_size_pretty(pg_table_size('items')) as table, pg_size_pretty(pg_relation_size('items_box_idx')) as gist`;
  const targets = await sql<{ id: number }[]>`select id from items order by random() limit ${queries}`;

  const cubeTimes: number[] = [];
  const arrayTimes: number[] = [];
  const scanTimes: number[] = [];
  let recall = 0;
  for (const { id } of targets) {
    let t = performance.now();
    const exact = await sql<{ id: number }[]>`
      select i.id from items i, items q where q.id = ${id} and i.id <> q.id order by i.box <-> q.box limit ${LIMIT}`;
    cubeTimes.push(performance.now() - t);

    t = performance.now();
    const prefiltered = await sql<{ id: number }[]>`
      with q as (select embedding, sign from items where id = ${id}),
      near as (
        select i.id, i.embedding from items i, q where i.id <> ${id}
        order by bit_count((i.sign # q.sign)::bit(64)) limit ${PREFILTER}
      )
      select near.id from near, q
      order by (select sum((a - b) * (a - b)) from unnest(near.embedding, q.embedding) u(a, b)) limit ${LIMIT}`;
    arrayTimes.push(performance.now() - t);
    const truth = new Set(exact.map((row) => row.id));
    recall += prefiltered.filter((row) => truth.has(row.id)).length / Math.max(1, exact.length);

    t = performance.now();
    await sql`
      with q as (select embedding from items where id = ${id})
      select i.id from items i, q where i.id <> ${id}
      order by (select sum((a - b) * (a - b)) from unnest(i.embedding, q.embedding) u(a, b)) limit ${LIMIT}`;
    scanTimes.push(performance.now() - t);
  }
  const line = (what: string, times: number[]) =>
    print(
      `${what.padEnd(44)} p50 ${quantile(times, 0.5).toFixed(1)} ms  p95 ${quantile(times, 0.95).toFixed(1)} ms`,
    );
  print(`${rows} embeddings of ${DIMENSIONS} dimensions; table ${size?.table}, GiST index ${size?.gist}`);
  line("cube GiST, exact k-NN (<->)", cubeTimes);
  line(`real[] sign-hash prefilter ${PREFILTER} + exact re-rank`, arrayTimes);
  line("real[] exact full scan", scanTimes);
  print(`prefilter recall of the exact ${LIMIT}: ${((recall / targets.length) * 100).toFixed(1)} %`);
} finally {
  await sql.end({ timeout: 5 });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end({ timeout: 5 });
}
