import { parseSearchQuery } from "@wallpaperdb/search/query";
import { describe, expect, it } from "vitest";
import { translateSearchParams } from "./search-params.ts";
import { seedNumber } from "./seed.ts";

const translate = (query: string) => translateSearchParams(new URLSearchParams(query));
const terms = (query: string) => translate(query).terms;

function failure(query: string): { code: string; parameter: unknown; reason: unknown } {
  try {
    translate(query);
  } catch (error) {
    const e = error as { code: string; details?: { parameter?: unknown; reason?: unknown } };
    return { code: e.code, parameter: e.details?.parameter, reason: e.details?.reason };
  }
  throw new Error(`expected ${query} to be refused`);
}

describe("translateSearchParams: wallhaven's search parameters as WallpaperDB query terms", () => {
  it("rewrites q's tag syntax and passes every other word to the query language", () => {
    const search = translate("q=%2Bnature -city @ada id:12 type:png night color:red");
    expect(search.terms).toEqual([
      "nature",
      "-city",
      "uploader:ada",
      "type:image",
      "night",
      "color:red",
      "sort:newest",
    ]);
    expect(search.tagIds).toEqual([12]);
  });

  it("turns like:<id> into the similar order and ignores sorting then", () => {
    const id = "0b0e8d2c-6f53-4c43-9d7e-2d0d5f1b4b11";
    expect(terms(`q=like:${id}&sorting=views`)).toEqual([`sort:similar:${id}`]);
  });

  it("maps purity and categories bits", () => {
    expect(terms("purity=110")).toContain("purity:sfw,sketchy");
    expect(terms("purity=001")).toContain("purity:nsfw");
    expect(translate("categories=111").matchesNothing).toBe(false);
    expect(translate("categories=100").matchesNothing).toBe(false);
    expect(translate("categories=011").matchesNothing).toBe(true);
    expect(failure("purity=000")).toMatchObject({ code: "validation_failed", parameter: "purity" });
    expect(failure("categories=12")).toMatchObject({ code: "validation_failed", parameter: "categories" });
  });

  it("maps each sorting, toplist with its topRange (default 1M), and refuses ascending order", () => {
    expect(terms("")).toEqual(["sort:newest"]);
    expect(terms("sorting=date_added&order=desc")).toEqual(["sort:newest"]);
    expect(terms("sorting=relevance")).toEqual(["sort:relevance"]);
    expect(terms("sorting=views")).toEqual(["sort:top", "range:1y"]);
    expect(terms("sorting=favorites")).toEqual(["sort:top", "range:1y"]);
    expect(terms("sorting=toplist")).toEqual(["sort:top", "range:1M"]);
    expect(terms("sorting=toplist&topRange=1w")).toEqual(["sort:top", "range:1w"]);
    // wallhaven ignores topRange unless the sorting is toplist; so does the translation.
    expect(terms("sorting=date_added&topRange=bogus")).toEqual(["sort:newest"]);
    expect(failure("sorting=toplist&topRange=2w")).toMatchObject({ parameter: "topRange" });
    expect(failure("sorting=hot")).toMatchObject({ parameter: "sorting" });
    expect(failure("order=asc")).toMatchObject({ parameter: "order", reason: "unsupported_parameter" });
  });

  it("takes a random seed as six letters or digits, and only with sorting=random", () => {
    const search = translate("sorting=random&seed=abc123");
    expect(search).toMatchObject({ random: true, seed: "abc123" });
    expect(search.terms).toEqual(["sort:random", `seed:${seedNumber("abc123")}`]);
    expect(translate("sorting=random").seed).toBeNull();
    expect(translate("seed=abc123").terms).toEqual(["sort:newest"]);
    expect(failure("sorting=random&seed=abc")).toMatchObject({ parameter: "seed" });
  });

  it("maps the size, ratio and colour filters", () => {
    expect(terms("atleast=1920x1080")).toContain("atleast:1920x1080");
    expect(terms("resolutions=1920x1080,2560x1440")).toContain("res:1920x1080,2560x1440");
    expect(terms("ratios=16x9,16x10")).toContain("ratio:16x9,16x10");
    expect(terms("ratios=landscape")).toContain("orientation:landscape");
    expect(terms("ratios=portrait")).toContain("orientation:portrait");
    expect(terms("ratios=landscape,portrait")).toEqual(["sort:newest"]);
    expect(terms("colors=660000")).toContain("color:660000");
    expect(failure("ratios=landscape,16x9")).toMatchObject({ parameter: "ratios" });
    expect(failure("atleast=1920x1080%20sort:top")).toMatchObject({ parameter: "atleast" });
  });

  it("reads the page and caps how deep it walks", () => {
    expect(translate("page=3").page).toBe(3);
    expect(failure("page=0")).toMatchObject({ parameter: "page" });
    expect(failure("page=x")).toMatchObject({ parameter: "page" });
    expect(failure("page=100000")).toMatchObject({ parameter: "page", reason: "unsupported_parameter" });
  });

  it("yields terms the one query parser accepts for every documented parameter at once", () => {
    const search = translate(
      "q=%2Bnature -city&categories=100&purity=110&sorting=toplist&order=desc&topRange=3M" +
        "&atleast=1920x1080&resolutions=1920x1080,2560x1440&ratios=16x9&colors=660000&page=2",
    );
    const parsed = parseSearchQuery(search.terms.join(" "));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.query).toMatchObject({
        tags: { all: ["nature"], none: ["city"] },
        purity: ["sfw", "sketchy"],
        sort: "top",
        range: "3M",
        atleast: { width: 1920, height: 1080 },
        ratios: ["16:9"],
        colors: ["#660000"],
      });
    }
  });
});
