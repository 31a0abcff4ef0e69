/**
 * Why a tag is suggested, with the evidence a person can weigh: how many of which neighbours carry it.
 * The text is made here, once, so the workbench, the wallpaper page and a script show the same words.
 */

/** Neighbours by the search port's similarity (`wallpaper.similar`): what `match.kind` says. */
export type NeighbourMatch = "near_duplicate" | "content" | "palette";

export interface SimilarNeighbour {
  wallpaperId: string;
  match: NeighbourMatch;
}

export type NeighbourReasonKind = "near_duplicate" | "similar" | "similar_colors";

export type SuggestionReason =
  | { kind: NeighbourReasonKind; count: number; of: number; text: string }
  | { kind: "co_occurrence"; withTag: string; count: number; of: number; text: string };

export const reasonKindOfMatch: Record<NeighbourMatch, NeighbourReasonKind> = {
  near_duplicate: "near_duplicate",
  content: "similar",
  palette: "similar_colors",
};

const neighbourNouns: Record<NeighbourReasonKind, [one: string, many: string]> = {
  near_duplicate: ["near-duplicate", "near-duplicates"],
  similar: ["similar wallpaper", "similar wallpapers"],
  similar_colors: ["wallpaper with similar colours", "wallpapers with similar colours"],
};

export function neighbourReason(kind: NeighbourReasonKind, count: number, of: number): SuggestionReason {
  const [one, many] = neighbourNouns[kind];
  const text = of === 1 ? `on its ${one}` : `on ${count} of ${of} ${many}`;
  return { kind, count, of, text };
}

/** "often together with mountain (12 of 15)": 12 of the 15 other wallpapers tagged mountain carry it. */
export function coOccurrenceReason(withTag: string, count: number, of: number): SuggestionReason {
  return {
    kind: "co_occurrence",
    withTag,
    count,
    of,
    text: `often together with ${withTag} (${count} of ${of})`,
  };
}
