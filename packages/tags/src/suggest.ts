import type { Executor } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";
import { normalizeTagNameResult } from "./normalize.ts";
import { resolveTagNames } from "./resolve.ts";
import { rows } from "./sql-helpers.ts";

export type SuggestionReason = "near_duplicate" | "similar_colors" | "co_occurrence" | "auto_derived";

export interface TagSuggestion {
  name: string;
  tagId: number | null;
  score: number;
  reasons: SuggestionReason[];
}

// How much each kind of evidence is worth: a near-duplicate is nearly the same picture, so its tags
// almost certainly apply; co-occurrence and color similarity are weaker hints.
const WEIGHT: Record<SuggestionReason, number> = {
  near_duplicate: 1,
  auto_derived: 0.7,
  co_occurrence: 0.6,
  similar_colors: 0.3,
};

interface Evidence extends Record<string, unknown> {
  tag_id: number;
  name: string;
  share: number;
}

/** Tags used by neighbours, weighted by the share of neighbours that carry them. */
function neighbourTags(wallpaperId: string, neighbours: ReturnType<typeof sql>) {
  return sql`with n as (${neighbours}), total as (select greatest(count(*), 1)::float8 as c from n)
    select t.id as tag_id, t.name, count(distinct wt.wallpaper_id)::float8 / (select c from total) as share
    from n join wallpaper_tags wt on wt.wallpaper_id = n.id join tags t on t.id = wt.tag_id
    where wt.source <> 'implied'
      and not exists (select 1 from wallpaper_tags m where m.wallpaper_id = ${wallpaperId} and m.tag_id = wt.tag_id)
    group by t.id, t.name order by share desc limit 30`;
}

export async function suggestTags(
  executor: Executor,
  wallpaperId: string,
  limit = 20,
): Promise<TagSuggestion[]> {
  const nearDuplicates = sql`select duplicate_of as id from wallpaper_near_duplicates where wallpaper_id = ${wallpaperId}
    union select wallpaper_id from wallpaper_near_duplicates where duplicate_of = ${wallpaperId}`;
  const similarColors = sql`select c.wallpaper_id as id from wallpaper_colors c
    join wallpaper_colors mine on mine.wallpaper_id = ${wallpaperId} and mine.rank = 0
    where c.rank = 0 and c.name = mine.name and c.wallpaper_id <> ${wallpaperId} limit 200`;
  const coOccurring = sql`select wt.wallpaper_id as id from wallpaper_tags wt
    where wt.tag_id in (select tag_id from wallpaper_tags where wallpaper_id = ${wallpaperId} and source = 'human')
      and wt.wallpaper_id <> ${wallpaperId}
    group by wt.wallpaper_id order by count(distinct wt.tag_id) desc limit 200`;

  const found = new Map<string, TagSuggestion>();
  const add = (name: string, tagId: number | null, reason: SuggestionReason, share: number) => {
    const score = WEIGHT[reason] * share;
    const entry = found.get(name);
    if (!entry) found.set(name, { name, tagId, score, reasons: [reason] });
    else {
      // Independent hints reinforce each other without passing 1.
      entry.score = 1 - (1 - entry.score) * (1 - score);
      entry.reasons.push(reason);
    }
  };
  const sources: [SuggestionReason, ReturnType<typeof sql>][] = [
    ["near_duplicate", nearDuplicates],
    ["similar_colors", similarColors],
    ["co_occurrence", coOccurring],
  ];
  for (const [reason, neighbours] of sources) {
    for (const row of await rows<Evidence>(executor, neighbourTags(wallpaperId, neighbours))) {
      add(row.name, row.tag_id, reason, row.share);
    }
  }
  for (const name of await autoDerivedNames(executor, wallpaperId)) add(name, null, "auto_derived", 1);

  const present = new Set(
    (
      await rows<{ name: string }>(
        executor,
        sql`select t.name from wallpaper_tags wt join tags t on t.id = wt.tag_id where wt.wallpaper_id = ${wallpaperId}`,
      )
    ).map((row) => row.name),
  );
  const unresolved = [...found.values()].filter((s) => s.tagId === null).map((s) => s.name);
  const resolved = await resolveTagNames(executor, unresolved);
  for (const suggestion of found.values()) {
    if (suggestion.tagId === null) suggestion.tagId = resolved.byName.get(suggestion.name) ?? null;
  }
  return [...found.values()]
    .filter((s) => !present.has(s.name))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
}

/** Names derived from processing facts (what the auto tagger would add), valid as tag names. */
async function autoDerivedNames(executor: Executor, wallpaperId: string): Promise<string[]> {
  const [facts] = await rows<{
    resolution_class: string | null;
    aspect_name: string | null;
    orientation: string | null;
    media_type: string;
  }>(
    executor,
    sql`select f.resolution_class, f.aspect_name, f.orientation, w.media_type
        from wallpapers w left join wallpaper_facts f on f.wallpaper_id = w.id where w.id = ${wallpaperId}`,
  );
  if (!facts) return [];
  // The wallpaper's named colours by the one colour rule, as its auto tags and the swatch search use them.
  const colors = await rows<{ name: string }>(
    executor,
    sql`select unnest(color_names) as name from wallpapers where id = ${wallpaperId}`,
  );
  // What the detect step found (`people`, `dog`), by its one rule (packages/vision/src/detect/tags.ts).
  const detected = await rows<{ name: string }>(
    executor,
    sql`select unnest(tag_names) as name from wallpaper_detections where wallpaper_id = ${wallpaperId}`,
  );
  const raw = [
    facts.resolution_class,
    facts.aspect_name,
    facts.orientation,
    facts.media_type === "video" ? "video" : null,
    ...colors.map((c) => c.name),
    ...detected.map((d) => d.name),
  ];
  return raw.flatMap((name) => {
    if (!name) return [];
    const result = normalizeTagNameResult(name.replace(/:/gu, "x"));
    return result.ok ? [result.name] : [];
  });
}
