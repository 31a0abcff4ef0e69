import type { Executor } from "@wallpaperdb/db";
import type { TagCategory } from "./categories.ts";
import { isFactTagName } from "./fact-tags.ts";
import { coOccurrences, flaggedDuplicates, neighbourTags, presentTagIds } from "./suggest-evidence.ts";
import {
  coOccurrenceReason,
  type NeighbourReasonKind,
  neighbourReason,
  reasonKindOfMatch,
  type SimilarNeighbour,
  type SuggestionReason,
} from "./suggest-reasons.ts";

export interface TagSuggestion {
  name: string;
  tagId: number;
  category: TagCategory;
  score: number;
  /** Strongest first; each says what it rests on ("on 4 of 6 similar wallpapers"). */
  reasons: SuggestionReason[];
}

export interface SuggestOptions {
  limit?: number;
  /** The wallpaper's neighbours by the search port's similarity (`wallpaper.similar`), closest first. */
  similar?: readonly SimilarNeighbour[];
}

// How much each kind of evidence is worth at full share: a near-duplicate is nearly the same picture, so
// its tags almost certainly apply; a picture close in content is a good hint, co-occurring tags a fair
// one, a close palette a weak one.
const WEIGHT: Record<SuggestionReason["kind"], number> = {
  near_duplicate: 1,
  similar: 0.8,
  co_occurrence: 0.6,
  similar_colors: 0.3,
};

const strength = (reason: SuggestionReason) => WEIGHT[reason.kind] * (reason.count / reason.of);

/** Co-occurrence rows read: several per candidate tag (one per tag of the wallpaper it goes with). */
const CO_OCCURRENCE_ROWS = 200;

/**
 * Tags a person might add: only tags people chose (source `human`) on the wallpaper's near-duplicates,
 * on wallpapers similar to it, and with its own human tags. Never a fact of the file (`isFactTagName`:
 * ratio, resolution, orientation, brightness, colour, video; the auto tagger applies those from this
 * file's facts), never a `meta` tag, never one the wallpaper already carries from any source.
 */
export async function suggestTags(
  executor: Executor,
  wallpaperId: string,
  options: SuggestOptions = {},
): Promise<TagSuggestion[]> {
  const limit = options.limit ?? 20;
  const present = await presentTagIds(executor, wallpaperId);
  const found = new Map<number, TagSuggestion>();
  const add = (tagId: number, name: string, category: TagCategory, reason: SuggestionReason) => {
    if (present.has(tagId) || category === "meta" || isFactTagName(name)) return;
    const score = strength(reason);
    const entry = found.get(tagId);
    if (!entry) found.set(tagId, { name, tagId, category, score, reasons: [reason] });
    else {
      // Independent hints reinforce each other without passing 1.
      entry.score = 1 - (1 - entry.score) * (1 - score);
      entry.reasons.push(reason);
    }
  };

  // Each neighbour counts once, under its strongest kind (a flagged duplicate the port also found).
  const kindOf = new Map<string, NeighbourReasonKind>();
  for (const id of await flaggedDuplicates(executor, wallpaperId)) kindOf.set(id, "near_duplicate");
  for (const neighbour of options.similar ?? []) {
    if (neighbour.wallpaperId !== wallpaperId && !kindOf.has(neighbour.wallpaperId))
      kindOf.set(neighbour.wallpaperId, reasonKindOfMatch[neighbour.match]);
  }
  const totals = new Map<NeighbourReasonKind, number>();
  for (const kind of kindOf.values()) totals.set(kind, (totals.get(kind) ?? 0) + 1);
  type Carried = { tagId: number; name: string; category: TagCategory; count: number };
  const carriers = new Map<NeighbourReasonKind, Map<number, Carried>>();
  for (const row of await neighbourTags(executor, [...kindOf.keys()])) {
    const kind = kindOf.get(row.wallpaper_id);
    if (!kind) continue;
    const byTag = carriers.get(kind) ?? new Map<number, Carried>();
    carriers.set(kind, byTag);
    const entry = byTag.get(row.tag_id) ?? {
      tagId: row.tag_id,
      name: row.name,
      category: row.category,
      count: 0,
    };
    entry.count += 1;
    byTag.set(row.tag_id, entry);
  }
  for (const [kind, byTag] of carriers) {
    for (const entry of byTag.values())
      add(entry.tagId, entry.name, entry.category, neighbourReason(kind, entry.count, totals.get(kind) ?? 1));
  }

  // The best-supported pairing only: "often together with mountain" once, not once per tag it goes with.
  const paired = new Set<number>();
  for (const row of await coOccurrences(executor, wallpaperId, CO_OCCURRENCE_ROWS)) {
    if (paired.has(row.tag_id)) continue;
    paired.add(row.tag_id);
    add(row.tag_id, row.name, row.category, coOccurrenceReason(row.with_name, row.hits, row.sampled));
  }

  return [...found.values()]
    .map((s) => ({ ...s, reasons: s.reasons.sort((a, b) => strength(b) - strength(a)) }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
}
