import { type SQL, sql } from "drizzle-orm";
import {
  COLOR_MATCH_DISTANCE,
  type ColorTarget,
  colorCells,
  MIN_COLOR_FRACTION,
  splitColorTargets,
} from "../color-match.ts";
import type { SearchFilters } from "../query/input.ts";
import { resolveSince } from "../query/since.ts";
import type { ResolvedTags } from "../resolve-tags.ts";

/** What the gallery may show: processing finished and moderation approved (matches the partial indexes). */
export const visible = sql`w.processed_at is not null and w.moderation = 'approved'`;

const intList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  );

/** `wallpapers.tag_ids` mirrors wallpaper_tags (every source; triggers of migration 0009), GIN-indexed. */
const tagArray = (ids: readonly number[]) => sql`array[${intList(ids)}]::int[]`;

export function colorDistance(target: ColorTarget, alias = "c"): SQL {
  const c = sql.raw(alias);
  return sql`sqrt(power(${c}.l - ${target.l}::float8, 2) + power(${c}.a - ${target.a}::float8, 2) + power(${c}.b - ${target.b}::float8, 2))`;
}

/**
 * First the wallpaper row's grid cells (`color_cells`, migration 0012: GIN-indexed and carried by the
 * newest-first index) against the cells the match sphere touches: a superset of the matches, found
 * without touching wallpaper_colors. Then the exact test on the candidate's own palette (primary-key
 * probe): the box, the sphere and the minimum coverage. It is a scalar subquery on purpose: as an
 * IN/EXISTS the planner pulled it up into a join driven from the (a, b, l) box, which for two common
 * colors visited ~16k palette rows (300-700 ms at 100k wallpapers) to return a page of 25.
 */
function hasColor(target: ColorTarget): SQL {
  const d = COLOR_MATCH_DISTANCE;
  // ~90 cells as ONE array parameter: as ~90 separate ones, binding them tripled the statement's cost.
  const cells = `{${colorCells(target).join(",")}}`;
  return sql`w.color_cells && ${cells}::int[] and (select true from wallpaper_colors c
    where c.wallpaper_id = w.id
      and c.a between ${target.a - d}::real and ${target.a + d}::real
      and c.b between ${target.b - d}::real and ${target.b + d}::real
      and c.l between ${target.l - d}::real and ${target.l + d}::real
      and c.fraction >= ${MIN_COLOR_FRACTION}::real
      and ${colorDistance(target)} <= ${d}::float8
    limit 1) is not null`;
}

/** Every WHERE condition of a search except the keyset; `w` is wallpapers, `f` its facts. */
export function whereClause(
  filters: SearchFilters,
  tags: ResolvedTags,
  colors: ColorTarget[],
  now: Date,
): SQL {
  const parts: SQL[] = [visible];
  // One containment test for all required tags: a single GIN bitmap (or row filter) instead of a probe per tag.
  if (tags.all.length > 0) parts.push(sql`w.tag_ids @> ${tagArray(tags.all)}`);
  if (tags.none.length > 0) parts.push(sql`not (w.tag_ids && ${tagArray(tags.none)})`);
  for (const group of tags.any) parts.push(sql`w.tag_ids && ${tagArray(group)}`);
  if (filters.atleast) {
    parts.push(sql`w.width >= ${filters.atleast.width}::int and w.height >= ${filters.atleast.height}::int`);
  }
  if (filters.resolutions.length > 0) {
    const sizes = filters.resolutions.map((size) => sql`(${size.width}::int, ${size.height}::int)`);
    parts.push(sql`(w.width, w.height) in (${sql.join(sizes, sql`, `)})`);
  }
  if (filters.ratios.length > 0) {
    parts.push(
      sql`f.aspect_name in (${sql.join(
        filters.ratios.map((ratio) => sql`${ratio}`),
        sql`, `,
      )})`,
    );
  }
  if (filters.orientation) parts.push(sql`f.orientation = ${filters.orientation}`);
  if (filters.mediaType) parts.push(sql`w.media_type = ${filters.mediaType}`);
  if (filters.minQuality !== undefined) parts.push(sql`f.quality_score >= ${filters.minQuality}::real`);
  const { names, others } = splitColorTargets(colors);
  // Swatches: one containment test on the stored named colours (GIN-indexed, migration 0015), all at once.
  if (names.length > 0)
    parts.push(sql`w.color_names @> ${`{${names.map((n) => `"${n}"`).join(",")}}`}::text[]`);
  for (const target of others) parts.push(hasColor(target));
  if (filters.since)
    parts.push(sql`w.created_at >= ${resolveSince(filters.since, now).toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

/** Σ over wanted colors of Σ fraction·(1 − distance/limit) over close palette entries (see colorCoverage). */
export function colorCoverageSql(colors: ColorTarget[]): SQL {
  if (colors.length === 0) return sql`0`;
  const terms = colors.map(
    (
      target,
    ) => sql`coalesce((select sum(c.fraction * (1 - ${colorDistance(target)} / ${COLOR_MATCH_DISTANCE}::float8))
      from wallpaper_colors c where c.wallpaper_id = w.id and ${colorDistance(target)} <= ${COLOR_MATCH_DISTANCE}::float8), 0)`,
  );
  return sql.join(terms, sql` + `);
}

export function matchedOptionalTagsSql(tags: ResolvedTags): SQL {
  const optional = [...new Set(tags.any.flat())];
  if (optional.length === 0) return sql`0`;
  // tag_ids is distinct, so this counts the distinct optional tags the wallpaper has.
  return sql`(select count(*) from unnest(w.tag_ids) as held(id) where held.id = any(${tagArray(optional)}))`;
}
