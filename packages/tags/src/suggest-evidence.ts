import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";
import type { TagCategory } from "./categories.ts";
import { rows } from "./sql-helpers.ts";

/**
 * The bounded reads behind tag suggestions. Every one starts from an index: the wallpaper's own rows
 * (`wallpaper_tags` primary key), a capped list of neighbour ids, or a capped sample of each of its
 * tags' wallpapers (`wallpaper_tags_tag_idx`, read in id order as related.ts does), so the cost follows
 * the caps, not the size of the table (suggest.int.test.ts EXPLAINs them).
 */

/**
 * Evidence comes from wallpapers the gallery shows (the rule related tags and search use): the route is
 * public, and a rejected or unprocessed wallpaper's tags are not anyone's to read through it.
 */
const shown = sql`w.processed_at is not null and w.moderation = 'approved'`;

/** Flagged near-duplicates read beyond those the similarity port returns (its radius is wider). */
export const FLAGGED_DUPLICATES = 20;
/** Human tags of the wallpaper used for co-occurrence. */
export const CO_OCCURRENCE_TAGS = 30;
/** Other wallpapers read per human tag: ids are random UUIDs, so the first ones are a random sample. */
export const CO_OCCURRENCE_SAMPLE = 200;

export interface TagRef extends Record<string, unknown> {
  tag_id: number;
  name: string;
  category: TagCategory;
}

export async function presentTagIds(executor: Executor, wallpaperId: string): Promise<Set<number>> {
  const found = await rows<{ tag_id: number }>(
    executor,
    sql`select distinct tag_id from wallpaper_tags where wallpaper_id = ${wallpaperId}`,
  );
  return new Set(found.map((row) => row.tag_id));
}

export function flaggedDuplicatesQuery(wallpaperId: string): SQL {
  return sql`select w.id::text as id from (
      (select duplicate_of as id from wallpaper_near_duplicates where wallpaper_id = ${wallpaperId}
        limit ${FLAGGED_DUPLICATES})
      union (select wallpaper_id from wallpaper_near_duplicates where duplicate_of = ${wallpaperId}
        limit ${FLAGGED_DUPLICATES})
    ) d join wallpapers w on w.id = d.id where ${shown}`;
}

export async function flaggedDuplicates(executor: Executor, wallpaperId: string): Promise<string[]> {
  return (await rows<{ id: string }>(executor, flaggedDuplicatesQuery(wallpaperId))).map((row) => row.id);
}

/** Human tags (not meta) of the given wallpapers, one row per wallpaper and tag. */
export function neighbourTagsQuery(wallpaperIds: readonly string[]): SQL {
  return sql`select distinct wt.wallpaper_id::text as wallpaper_id, t.id as tag_id, t.name, t.category::text as category
    from wallpaper_tags wt join tags t on t.id = wt.tag_id
    where wt.wallpaper_id in (${sql.join(
      wallpaperIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and wt.source = 'human' and t.category <> 'meta'`;
}

export async function neighbourTags(
  executor: Executor,
  wallpaperIds: readonly string[],
): Promise<(TagRef & { wallpaper_id: string })[]> {
  if (wallpaperIds.length === 0) return [];
  return rows(executor, neighbourTagsQuery(wallpaperIds));
}

export interface CoOccurrence extends TagRef {
  with_name: string;
  hits: number;
  sampled: number;
}

/**
 * For each human tag of the wallpaper (`mountain`), the human tags (not meta, not already on it) of a
 * sample of the other wallpapers tagged `mountain` (those of the sample the gallery shows), with how many of the sample carry each; pairs on
 * fewer than a fifth of the sample are left out, they are not "often together".
 */
export function coOccurrenceQuery(wallpaperId: string, limit: number): SQL {
  return sql`with mine as materialized (
      select t.id, t.name from tags t
      where t.id in (select wt.tag_id from wallpaper_tags wt where wt.wallpaper_id = ${wallpaperId} and wt.source = 'human')
      order by t.id limit ${CO_OCCURRENCE_TAGS}
    ),
    sample as materialized (
      select m.id as with_id, s.wallpaper_id from mine m cross join lateral (
        select wt.wallpaper_id from wallpaper_tags wt where wt.tag_id = m.id and wt.wallpaper_id <> ${wallpaperId}
        group by wt.wallpaper_id order by wt.wallpaper_id limit ${CO_OCCURRENCE_SAMPLE}
      ) s join wallpapers w on w.id = s.wallpaper_id where ${shown}
    ),
    sizes as (select with_id, count(*)::int as sampled from sample group by with_id),
    hits as (
      select s.with_id, x.tag_id, count(distinct s.wallpaper_id)::int as hits
      from sample s join wallpaper_tags x on x.wallpaper_id = s.wallpaper_id and x.source = 'human'
      where not exists (select 1 from wallpaper_tags p where p.wallpaper_id = ${wallpaperId} and p.tag_id = x.tag_id)
      group by s.with_id, x.tag_id
    )
    select h.tag_id, t.name, t.category::text as category, m.name as with_name, h.hits, z.sampled
    from hits h join sizes z on z.with_id = h.with_id join mine m on m.id = h.with_id
      join tags t on t.id = h.tag_id and t.category <> 'meta'
    where h.hits * 5 >= z.sampled
    order by h.hits::float8 / z.sampled desc, h.hits desc, t.name
    limit ${limit}`;
}

export async function coOccurrences(
  executor: Executor,
  wallpaperId: string,
  limit: number,
): Promise<CoOccurrence[]> {
  return rows<CoOccurrence>(executor, coOccurrenceQuery(wallpaperId, limit));
}
