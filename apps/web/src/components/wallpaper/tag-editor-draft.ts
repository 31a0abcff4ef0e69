import { normalizeTagName } from "@wallpaperdb/tags/normalize";

/** What a curator changed in the editor and has not saved yet: a delta, as `wallpaper.setTags` takes it. */
export interface TagDraft {
  add: string[];
  remove: string[];
}

export const emptyDraft: TagDraft = { add: [], remove: [] };

export type TagNamePreview = { ok: true; name: string } | { ok: false; message: string };

/**
 * The name as it would be saved, or the normalizer's own sentence for why it cannot be: the one rule
 * (packages/tags/src/normalize.ts), so "Bad Tag!" shows `bad_tag!` before it is added, not after.
 */
export function previewTagName(raw: string): TagNamePreview | null {
  if (raw.trim() === "") return null;
  try {
    return { ok: true, name: normalizeTagName(raw) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Adds a normalized name: undoes its pending removal, or adds it when the wallpaper lacks it. */
export function addToDraft(draft: TagDraft, name: string, current: ReadonlySet<string>): TagDraft {
  if (draft.remove.includes(name)) return { ...draft, remove: draft.remove.filter((n) => n !== name) };
  if (current.has(name) || draft.add.includes(name)) return draft;
  return { ...draft, add: [...draft.add, name] };
}

/** Removes a name: drops a pending addition, or marks a tag the wallpaper has for removal. */
export function removeFromDraft(draft: TagDraft, name: string, current: ReadonlySet<string>): TagDraft {
  if (draft.add.includes(name)) return { ...draft, add: draft.add.filter((n) => n !== name) };
  if (!current.has(name) || draft.remove.includes(name)) return draft;
  return { ...draft, remove: [...draft.remove, name] };
}

/** "Did you mean": swaps a pending new name for the suggested one. */
export function replaceInDraft(
  draft: TagDraft,
  from: string,
  to: string,
  current: ReadonlySet<string>,
): TagDraft {
  return addToDraft({ ...draft, add: draft.add.filter((n) => n !== from) }, to, current);
}

/** The chips the editor shows: the human tags kept, then the pending additions. */
export function draftChips(current: readonly string[], draft: TagDraft): { name: string; added: boolean }[] {
  return [
    ...current.filter((name) => !draft.remove.includes(name)).map((name) => ({ name, added: false })),
    ...draft.add.map((name) => ({ name, added: true })),
  ];
}

export const isDraftEmpty = (draft: TagDraft) => draft.add.length === 0 && draft.remove.length === 0;
