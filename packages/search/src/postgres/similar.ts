import type { Executor } from "@wallpaperdb/db";
import { findNearDuplicates } from "@wallpaperdb/pipeline";
import { type SQL, sql } from "drizzle-orm";
import type { SimilarItem } from "../backend.ts";
import { type ViewerScope, visitorScope } from "../viewer-scope.ts";
import { loadCards } from "./cards.ts";
import { visible } from "./filters.ts";
import { scopeOnlyCondition } from "./viewer-scope.ts";

/** Near-duplicate radius for "similar": a little wider than the curator flag (8) to catch edits. */
export const SIMILAR_HAMMING_DISTANCE = 10;
/** Palette neighbours come from entries within this OKLab box around the target's dominant colors. */
const PALETTE_BOX = 0.06;
const PALETTE_CANDIDATES = 1000;
/**
 * Content neighbours: embeddings (the classify step's, unit length) within this Euclidean distance.
 * Measured on the corpus (`pnpm --filter @wallpaperdb/vision bench:calibrate`): one picture at three
 * resolutions 0.07–0.14, one series in several colours 0.19–0.45, unrelated wallpapers median 1.04 and
 * 9 in 10 pairs above 0.74.
 */
export const SIMILAR_CONTENT_DISTANCE = 0.6;
/**
 * Rows re-ranked exactly after the sign-hash prefilter (a Hamming scan of one bigint per wallpaper).
 * Measured against `cube` at 100k wallpapers (docs/performance.md): p50 55 ms against 98 ms, 99.9 %
 * of the exact 24 nearest found.
 */
const CONTENT_CANDIDATES = 200;

type TargetRow = {
  phash: string | null;
  visible: boolean;
};

/**
 * Near-duplicates (pHash Hamming distance via the chunk indexes) first, closest first; then wallpapers
 * close in content (embedding distance, after a sign-hash prefilter); then wallpapers whose palette is close: candidates share a color with one of the target's two dominant colors (the
 * (a, b, l) index), ranked by Σ target fraction × distance to the nearest candidate color.
 */
export async function findSimilar(
  db: Executor,
  wallpaperId: string,
  limit: number,
  scope: ViewerScope = visitorScope,
): Promise<SimilarItem[] | null> {
  // The neighbours shown: visible and within the viewer's scope (purities, blacklist).
  const shown = sql.join([visible, scopeOnlyCondition(scope) ?? sql`true`], sql` and `);
  const [target] = await db.execute<TargetRow>(sql`select f.phash::text as phash, (${visible}) as visible
    from wallpapers w left join wallpaper_facts f on f.wallpaper_id = w.id where w.id = ${wallpaperId}::uuid`);
  if (!target?.visible) return null;

  const duplicates =
    target.phash === null
      ? []
      : await findNearDuplicates(db, wallpaperId, BigInt(target.phash), SIMILAR_HAMMING_DISTANCE);
  const duplicateIds = duplicates.map((d) => d.wallpaperId);
  const visibleRows =
    duplicateIds.length === 0
      ? []
      : await db.execute<{ id: string }>(sql`select w.id::text as id from wallpapers w
          where w.id in (${sql.join(
            duplicateIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) and ${shown}`);
  const visibleIds = new Set(visibleRows.map((row) => row.id));
  const near = duplicates.filter((d) => visibleIds.has(d.wallpaperId)).slice(0, limit);

  const palette = await db.execute<{ l: number; a: number; b: number; fraction: number }>(
    sql`select l, a, b, fraction from wallpaper_colors where wallpaper_id = ${wallpaperId}::uuid order by fraction desc, rank`,
  );
  const content = await contentNeighbours(
    db,
    wallpaperId,
    [wallpaperId, ...near.map((d) => d.wallpaperId)],
    limit - near.length,
    shown,
  );
  const room = limit - near.length - content.length;
  let close: { id: string; distance: number }[] = [];
  if (room > 0 && palette.length > 0) {
    const exclude = [wallpaperId, ...near.map((d) => d.wallpaperId), ...content.map((c) => c.id)];
    const boxes = palette.slice(0, 2).map(
      (t) => sql`(c.a between ${t.a - PALETTE_BOX}::real and ${t.a + PALETTE_BOX}::real
        and c.b between ${t.b - PALETTE_BOX}::real and ${t.b + PALETTE_BOX}::real
        and c.l between ${t.l - PALETTE_BOX}::real and ${t.l + PALETTE_BOX}::real)`,
    );
    const targets = sql.join(
      palette.map((t) => sql`(${t.l}::float8, ${t.a}::float8, ${t.b}::float8, ${t.fraction}::float8)`),
      sql`, `,
    );
    close = await db.execute<{ id: string; distance: number }>(sql`
      with candidates as (
        select distinct c.wallpaper_id from wallpaper_colors c
        where (${sql.join(boxes, sql` or `)})
          and c.wallpaper_id not in (${sql.join(
            exclude.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        limit ${PALETTE_CANDIDATES}
      )
      select w.id::text as id, sum(t.fraction * nearest.distance)::float8 as distance
      from candidates k
      join wallpapers w on w.id = k.wallpaper_id and ${shown}
      cross join (values ${targets}) as t(l, a, b, fraction)
      cross join lateral (
        select min(sqrt(power(c.l - t.l, 2) + power(c.a - t.a, 2) + power(c.b - t.b, 2))) as distance
        from wallpaper_colors c where c.wallpaper_id = w.id
      ) nearest
      group by w.id
      order by distance, w.id
      limit ${room}`);
  }

  const cards = await loadCards(db, [
    ...near.map((d) => d.wallpaperId),
    ...content.map((c) => c.id),
    ...close.map((c) => c.id),
  ]);
  const byId = new Map(cards.map((card) => [card.id, card]));
  const items: SimilarItem[] = [];
  for (const d of near) {
    const card = byId.get(d.wallpaperId);
    if (card) items.push({ card, match: { kind: "near_duplicate", hammingDistance: d.distance } });
  }
  for (const c of content) {
    const card = byId.get(c.id);
    if (card)
      items.push({ card, match: { kind: "content", contentDistance: Math.round(c.distance * 1000) / 1000 } });
  }
  for (const c of close) {
    const card = byId.get(c.id);
    if (card)
      items.push({
        card,
        match: { kind: "palette", paletteDistance: Math.round(c.distance * 10_000) / 10_000 },
      });
  }
  return items;
}

/**
 * The wallpapers closest in content: every classified wallpaper ranked by the Hamming distance of its
 * embedding's sign hash to the target's (one bigint each: a cheap scan), the closest CONTENT_CANDIDATES
 * re-ranked by the exact embedding distance, those within SIMILAR_CONTENT_DISTANCE and shown to this
 * viewer kept. None when the target is not classified (yet).
 */
async function contentNeighbours(
  db: Executor,
  wallpaperId: string,
  exclude: readonly string[],
  room: number,
  shown: SQL,
): Promise<{ id: string; distance: number }[]> {
  if (room <= 0) return [];
  const excluded = sql.join(
    exclude.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return db.execute<{ id: string; distance: number }>(sql`
    with target as (
      select embedding, embedding_sign from wallpaper_classifications where wallpaper_id = ${wallpaperId}::uuid
    ),
    candidates as (
      select c.wallpaper_id, c.embedding from wallpaper_classifications c, target t
      where c.wallpaper_id not in (${excluded})
      order by bit_count((c.embedding_sign # t.embedding_sign)::bit(64)), c.wallpaper_id
      limit ${CONTENT_CANDIDATES}
    ),
    ranked as (
      select k.wallpaper_id,
        (select sqrt(sum((a - b) * (a - b))) from unnest(k.embedding, t.embedding) u(a, b))::float8 as distance
      from candidates k, target t
    )
    select w.id::text as id, r.distance
    from ranked r join wallpapers w on w.id = r.wallpaper_id and ${shown}
    where r.distance <= ${SIMILAR_CONTENT_DISTANCE}
    order by r.distance, w.id
    limit ${room}`);
}
