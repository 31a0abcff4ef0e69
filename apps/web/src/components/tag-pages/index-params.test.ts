import { describe, expect, it } from "vitest";
import { tagIndexHref, tagIndexParams } from "./index-params.ts";

describe("tag index address", () => {
  it("reads only known values and keeps defaults out of the address", () => {
    const params = tagIndexParams({ category: "artist", sort: "bogus", q: "sky", page: ["3", "9"] });
    expect(params).toEqual({ category: "artist", sort: "count", q: "sky", page: 3 });
    expect(tagIndexParams({ category: "nope", page: "-2" })).toEqual({
      category: null,
      sort: "count",
      q: "",
      page: 1,
    });
    expect(tagIndexHref(params)).toBe("/tags?category=artist&q=sky");
  });

  it("starts a changed filter at page 1 and pages within it", () => {
    const params = tagIndexParams({ sort: "name", page: "4" });
    expect(tagIndexHref(params, { category: "meta" })).toBe("/tags?category=meta&sort=name");
    expect(tagIndexHref(params, { page: 5 })).toBe("/tags?sort=name&page=5");
    expect(tagIndexHref(params, { sort: "count", page: 1 })).toBe("/tags");
  });
});
