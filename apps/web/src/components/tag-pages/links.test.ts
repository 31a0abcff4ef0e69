import { describe, expect, it } from "vitest";
import { replaceTagInParams, tagEditHref, tagPageHref, tagSearchHref } from "./links.ts";

describe("tag links", () => {
  it("builds a tag's page and search addresses", () => {
    expect(tagPageHref("ac/dc?")).toBe("/tags/ac%2Fdc%3F");
    expect(tagSearchHref("snow")).toBe("/?tags=snow");
    expect(tagSearchHref("snow", "top")).toBe("/?tags=snow&sort=top");
    expect(tagEditHref("rock&roll")).toBe("/admin/tags?tag=rock%26roll");
  });

  it("replaces an unknown tag in the tags list and in the typed query, keeping - and ~", () => {
    const params = new URLSearchParams({
      tags: "Mountainz,-sky",
      q: "~mountainz  ratio:16x9 mountainzz",
      sort: "top",
    });
    const fixed = replaceTagInParams(params, "mountainz", "mountain");
    expect(fixed.get("tags")).toBe("mountain,-sky");
    expect(fixed.get("q")).toBe("~mountain  ratio:16x9 mountainzz");
    expect(fixed.get("sort")).toBe("top");
    expect(params.get("tags")).toBe("Mountainz,-sky");
  });
});
