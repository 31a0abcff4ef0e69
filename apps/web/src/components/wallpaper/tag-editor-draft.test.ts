import { describe, expect, it } from "vitest";
import {
  addToDraft,
  draftChips,
  emptyDraft,
  isDraftEmpty,
  previewTagName,
  removeFromDraft,
  replaceInDraft,
} from "./tag-editor-draft.ts";

const current = new Set(["forest", "river"]);

describe("previewTagName", () => {
  it("shows the name as the normalizer saves it", () => {
    expect(previewTagName("Bad Tag!")).toEqual({ ok: true, name: "bad_tag!" });
    expect(previewTagName("  Misty   Mountain ")).toEqual({ ok: true, name: "misty_mountain" });
  });
  it("shows the normalizer's sentence for a name it refuses", () => {
    expect(previewTagName("-forest")).toEqual({ ok: false, message: expect.stringMatching(/start with -/u) });
    expect(previewTagName("a:b")).toEqual({ ok: false, message: expect.stringMatching(/cannot contain/u) });
    expect(previewTagName("!!!")).toEqual({ ok: false, message: expect.stringMatching(/letter or digit/u) });
  });
  it("shows nothing for an empty field", () => {
    expect(previewTagName("   ")).toBeNull();
  });
});

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
