import type { Executor } from "@wallpaperdb/db";
import { type SQL, sql } from "drizzle-orm";
import type { TagCategory } from "./categories.ts";
import { rows } from "./sql-helpers.ts";

export interface RelatedTag {
  id: number;
  name: string;
  category: TagCategory;
  wallpaperCount: number;
  /** Visible wallpapers carrying both tags; scaled from the sample when `estimated`. */
  shared: number;
  /** Cosine similarity of the two tags' wallpaper sets, shared / √(count × count): the ranking. */
  score: number;
}

export interface RelatedTags {
  items: RelatedTag[];
  /** How many of the tag's wallpapers were read (at most RELATED_SAMPLE). */
  sampled: number;
  /** True when the tag has more wallpapers than the sample: `shared` is then an estimate. */
  estimated: boolean;
}

/**
 * Danbooru computes related tags from a sample of the tag's posts, not from every post; so does this.
 * The sample is the first RELATED_SAMPLE wallpaper ids in the `(tag_id, wallpaper_id)` index: ids are
 * random UUIDs, so it is a random sample, the same one on every call, read index-only. Its cost is
 * bounded by the sample whatever the tag's size (`pnpm bench:search`: "related tags"), so nothing is
 * precomputed and nothing can be stale: a tag edit shows in the next page view.
 */
export const RELATED_SAMPLE = 1000;

/** The related-tags statement; exported for `pnpm bench:search` and its EXPLAIN test. */
export function relatedTagsQuery(tagId: number, limit: number): SQL {
  return sql`with sample as materialized (
        select wt.wallpaper_id from wallpaper_tags wt where wt.tag_id = ${tagId}
        group by wt.wallpaper_id order by wt.wallpaper_id limit ${RELATED_SAMPLE}
      ),
      seen as materialized (
        select w.tag_ids from sample s join wallpapers w on w.id = s.wallpaper_id
        where w.processed_at is not null and w.moderation = 'approved'
      ),
      own as (select greatest(wallpaper_count, 1)::float8 as n from tags where id = ${tagId}),
      sizes as (select (select count(*) from sample)::int as sampled, (select count(*) from seen)::int as seen),
      counted as (
        select x as tag_id, count(*)::float8 as hits from seen, unnest(seen.tag_ids) as x
        where x <> ${tagId} group by x
      ),
      scaled as (
        select c.tag_id, c.hits * case when sz.sampled < ${RELATED_SAMPLE} then 1
          else (select n from own) / sz.sampled end as shared
        from counted c, sizes sz
      ),
      ranked as (
        select t.id, t.name, t.category, t.wallpaper_count, b.shared,
          b.shared / sqrt(greatest(t.wallpaper_count, 1)::float8 * (select n from own)) as score
        -- A scaled count can never exceed either tag's own count (a rare tag met once in the sample).
        from scaled s join tags t on t.id = s.tag_id,
          lateral (select least(s.shared, t.wallpaper_count, (select n from own)) as shared) b
        order by score desc, b.shared desc, t.name limit ${limit}
      )
    select r.*, sz.sampled
    from sizes sz left join ranked r on true
    order by r.score desc nulls last, r.shared desc, r.name`;
}

export async function relatedTags(executor: Executor, tagId: number, limit = 20): Promise<RelatedTags> {
  const capped = Math.max(1, Math.min(limit, 50));
  const found = await rows<{
    id: number | null;
    name: string | null;
    category: TagCategory | null;
    wallpaper_count: number | null;
    shared: number | null;
    score: number | null;
    sampled: number;
  }>(executor, relatedTagsQuery(tagId, capped));
  const first = found[0];
  const sampled = first?.sampled ?? 0;
  const items: RelatedTag[] = [];
  for (const row of found) {
    if (row.id === null || row.name === null || row.category === null || row.shared === null) continue;
    items.push({
      id: row.id,
      name: row.name,
      category: row.category,
      wallpaperCount: row.wallpaper_count ?? 0,
      shared: Math.round(row.shared),
      score: Math.round((row.score ?? 0) * 1000) / 1000,
    });
  }
  return { items, sampled, estimated: sampled >= RELATED_SAMPLE };
}
