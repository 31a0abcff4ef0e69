// The name preview has one home with the admin's tag fields; re-exported for the wallpaper page editor.
export { previewTagName, type TagNamePreview } from "../tags/name-preview.ts";

/** What a curator changed in the editor and has not saved yet: a delta, as `wallpaper.setTags` takes it. */
export interface TagDraft {
  add: string[];
  remove: string[];
}

export const emptyDraft: TagDraft = { add: [], remove: [] };

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
