import { describe, expect, it } from "vitest";
import {
  addToDraft,
  draftChips,
  emptyDraft,
  isDraftEmpty,
  removeFromDraft,
  replaceInDraft,
} from "./tag-editor-draft.ts";

const current = new Set(["forest", "river"]);

describe("the draft", () => {
  it("adds a new name once and ignores one the wallpaper has", () => {
    const once = addToDraft(emptyDraft, "lake", current);
    expect(addToDraft(once, "lake", current)).toEqual({ add: ["lake"], remove: [] });
    expect(addToDraft(emptyDraft, "forest", current)).toBe(emptyDraft);
  });
  it("removing a pending addition drops it; adding a removed tag back undoes the removal", () => {
    const added = addToDraft(emptyDraft, "lake", current);
    expect(removeFromDraft(added, "lake", current)).toEqual(emptyDraft);
    const removed = removeFromDraft(emptyDraft, "river", current);
    expect(removed).toEqual({ add: [], remove: ["river"] });
    expect(isDraftEmpty(addToDraft(removed, "river", current))).toBe(true);
    expect(removeFromDraft(emptyDraft, "unknown", current)).toBe(emptyDraft);
  });
  it("did you mean replaces the pending name", () => {
    const typo = addToDraft(emptyDraft, "forets", current);
    expect(replaceInDraft(typo, "forets", "lake", current)).toEqual({ add: ["lake"], remove: [] });
    expect(replaceInDraft(typo, "forets", "forest", current)).toEqual(emptyDraft);
  });
  it("lists kept tags, then additions", () => {
    const draft = { add: ["lake"], remove: ["forest"] };
    expect(draftChips(["forest", "river"], draft)).toEqual([
      { name: "river", added: false },
      { name: "lake", added: true },
    ]);
  });
});
