import { describe, expect, it } from "vitest";
import { nameProblem, nameStatus, previewTagName } from "./name-preview.ts";

const ok = (name: string) => ({ ok: true as const, name });

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

describe("nameStatus", () => {
  it("waits for the answer about this exact name, not an older one", () => {
    expect(nameStatus(ok("sea"), undefined)).toEqual({ kind: "checking", name: "sea" });
    expect(nameStatus(ok("sea"), { name: "se", tag: null, viaAlias: false })).toEqual({
      kind: "checking",
      name: "sea",
    });
  });
  it("tells a new name, a tag and an alias (with the tag it resolves to) apart", () => {
    expect(nameStatus(ok("bad_tag!"), { name: "bad_tag!", tag: null, viaAlias: false }).kind).toBe("new");
    expect(nameStatus(ok("sea"), { name: "sea", tag: { name: "sea" }, viaAlias: false }).kind).toBe(
      "existing",
    );
    expect(nameStatus(ok("ocean"), { name: "ocean", tag: { name: "sea" }, viaAlias: true })).toEqual({
      kind: "alias",
      name: "ocean",
      target: "sea",
    });
  });
  it("passes a refused name's sentence on", () => {
    expect(nameStatus({ ok: false, message: "No." }, undefined)).toEqual({ kind: "invalid", message: "No." });
  });
});

describe("nameProblem", () => {
  const alias = { kind: "alias", name: "ocean", target: "sea" } as const;
  it("a field for a new name refuses a tag or another tag's alias", () => {
    expect(nameProblem({ kind: "new", name: "x" }, "new")).toBeNull();
    expect(nameProblem({ kind: "existing", name: "sea" }, "new")).toMatch(/already exists/u);
    expect(nameProblem(alias, "new")).toMatch(/already an alias of “sea”/u);
    // Renaming sea to its own alias is allowed (the alias goes away).
    expect(nameProblem(alias, "new", "sea")).toBeNull();
  });
  it("a field for an existing tag accepts an alias (it resolves) and refuses a new name or itself", () => {
    expect(nameProblem(alias, "existing", "sky")).toBeNull();
    expect(nameProblem({ kind: "new", name: "x" }, "existing")).toMatch(/No tag or alias/u);
    expect(nameProblem({ kind: "existing", name: "sky" }, "existing", "sky")).toMatch(/itself/u);
    expect(nameProblem(alias, "existing", "sea")).toMatch(/itself/u);
  });
  it("says nothing while checking and repeats the normalizer's refusal", () => {
    expect(nameProblem({ kind: "checking", name: "x" }, "existing")).toBeNull();
    expect(nameProblem({ kind: "invalid", message: "No." }, "new")).toBe("No.");
    expect(nameProblem({ kind: "invalid", message: "No." }, "any")).toBe("No.");
    expect(nameProblem({ kind: "new", name: "x" }, "any")).toBeNull();
  });
});
