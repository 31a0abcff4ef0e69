import type { Executor } from "@wallpaperdb/db";
import { findNearDuplicates } from "@wallpaperdb/pipeline";
import { sql } from "drizzle-orm";
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

type TargetRow = {
  phash: string | null;
  visible: boolean;
};

/**
 * Near-duplicates (pHash Hamming distance via the chunk indexes) first, closest first; then wallpapers
 * whose palette is close: candidates share a color with one of the target's two dominant colors (the
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
  const room = limit - near.length;
  let close: { id: string; distance: number }[] = [];
  if (room > 0 && palette.length > 0) {
    const exclude = [wallpaperId, ...near.map((d) => d.wallpaperId)];
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

  const cards = await loadCards(db, [...near.map((d) => d.wallpaperId), ...close.map((c) => c.id)]);
  const byId = new Map(cards.map((card) => [card.id, card]));
  const items: SimilarItem[] = [];
  for (const d of near) {
    const card = byId.get(d.wallpaperId);
    if (card) items.push({ card, match: { kind: "near_duplicate", hammingDistance: d.distance } });
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
