import { describe, expect, it } from "vitest";
import { pickColor } from "./filters.ts";

describe("pickColor", () => {
  it("replaces the colour filter with the clicked colour", () => {
    expect(pickColor([], "ff0000", false)).toEqual(["ff0000"]);
    expect(pickColor(["00ff00"], "ff0000", false)).toEqual(["ff0000"]);
    expect(pickColor(["00ff00", "0000ff"], "ff0000", false)).toEqual(["ff0000"]);
  });

  it("clears the filter when the only colour is clicked again", () => {
    expect(pickColor(["ff0000"], "ff0000", false)).toEqual([]);
  });

  it("adds or removes one colour when adding is asked for", () => {
    expect(pickColor(["00ff00"], "ff0000", true)).toEqual(["00ff00", "ff0000"]);
    expect(pickColor(["00ff00", "ff0000"], "ff0000", true)).toEqual(["00ff00"]);
  });
});

describe("the top list in the URL", () => {
  it("keeps sort=top and its range in the URL and the query, and drops a range without top", async () => {
    const { filtersFromParams, filtersToParams, filtersToQuery } = await import("./filters.ts");
    const top = filtersFromParams(new URLSearchParams("sort=top&range=1w"));
    expect([top.sort, top.range]).toEqual(["top", "1w"]);
    expect(filtersToParams(top).toString()).toBe("sort=top&range=1w");
    expect(filtersToQuery(top)).toBe("sort:top range:1w");
    expect(filtersFromParams(new URLSearchParams("sort=newest&range=1w")).range).toBeNull();
    expect(filtersFromParams(new URLSearchParams("sort=top&range=9x")).range).toBeNull();
  });
});
