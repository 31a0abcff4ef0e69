import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parse-query.ts";
import { resolveSince } from "./since.ts";

function ok(q: string) {
  const result = parseSearchQuery(q);
  if (!result.ok) throw new Error(`expected ${q} to parse: ${JSON.stringify(result.errors)}`);
  return result.query;
}

function errors(q: string) {
  const result = parseSearchQuery(q);
  if (result.ok) throw new Error(`expected ${q} to fail`);
  return result.errors.map((e) => ({ code: e.code, position: e.position }));
}

describe("parseSearchQuery: tags", () => {
  it("gives the canonical defaults for an empty or blank query", () => {
    for (const q of ["", "   "]) {
      expect(ok(q)).toEqual({
        tags: { all: [], none: [], any: [] },
        resolutions: [],
        ratios: [],
        colors: [],
        sort: "newest",
        limit: 24,
      });
    }
  });

  it("splits required, excluded and OR tags, normalizing names", () => {
    const query = ok("Cat  -Dog mountain_lake  Blue Sky");
    expect(query.tags).toEqual({ all: ["cat", "mountain_lake", "blue", "sky"], none: ["dog"], any: [] });
  });

  it("groups a OR b OR c into one group, and separate chains into separate groups", () => {
    expect(ok("cat OR dog OR bird snow").tags).toEqual({
      all: ["snow"],
      none: [],
      any: [["cat", "dog", "bird"]],
    });
    expect(ok("cat OR dog red OR blue").tags.any).toEqual([
      ["cat", "dog"],
      ["red", "blue"],
    ]);
    expect(ok("cat || dog").tags.any).toEqual([["cat", "dog"]]);
  });

  it("collects every ~tag into one OR group", () => {
    expect(ok("~cat night ~dog").tags).toEqual({ all: ["night"], none: [], any: [["cat", "dog"]] });
  });

  it("treats lower-case or as a tag, and dedupes repeated tags", () => {
    expect(ok("cat or cat").tags.all).toEqual(["cat", "or"]);
  });

  it("rejects invalid tag names with their position", () => {
    expect(errors("ok ~- fine")).toEqual([{ code: "invalid_tag", position: 3 }]);
    expect(errors("cat --dog")).toEqual([{ code: "invalid_tag", position: 4 }]);
    expect(errors(`x ${"a".repeat(101)}`)).toEqual([{ code: "invalid_tag", position: 2 }]);
  });

  it("reports unbalanced OR at the operator", () => {
    expect(errors("OR cat")).toEqual([{ code: "unbalanced_or", position: 0 }]);
    expect(errors("cat OR")).toEqual([{ code: "unbalanced_or", position: 4 }]);
    expect(errors("cat OR OR dog")).toEqual([
      { code: "unbalanced_or", position: 4 },
      { code: "unbalanced_or", position: 7 },
    ]);
    expect(errors("cat OR -dog")).toEqual([{ code: "unbalanced_or", position: 4 }]);
    expect(errors("cat OR type:image")).toEqual([{ code: "unbalanced_or", position: 4 }]);
  });

  it("limits the number of tag terms and the length", () => {
    const many = Array.from({ length: 31 }, (_, i) => `t${i}`).join(" ");
    expect(errors(many)).toEqual([{ code: "too_many_terms", position: 0 }]);
    expect(errors("a".repeat(1001))[0]?.code).toBe("query_too_long");
  });
});

describe("parseSearchQuery: filters", () => {
  it("parses sizes, lists and enums", () => {
    const query = ok(
      "atleast:2560x1440 res:1920x1080,3840x2160 ratio:16x9,21:9 orientation:landscape type:video",
    );
    expect(query.atleast).toEqual({ width: 2560, height: 1440 });
    expect(query.resolutions).toEqual([
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
    ]);
    expect(query.ratios).toEqual(["16:9", "21:9"]);
    expect(query.orientation).toBe("landscape");
    expect(query.mediaType).toBe("video");
  });

  it("accepts aliases and repeated list filters", () => {
    const query = ok("resolution:1x1 resolutions:2x2 ratios:4x3 ratio:5:4 minquality:55");
    expect(query.resolutions).toHaveLength(2);
    expect(query.ratios).toEqual(["4:3", "5:4"]);
    expect(query.minQuality).toBe(55);
  });

  it("parses quality with and without >=", () => {
    expect(ok("quality:>=60").minQuality).toBe(60);
    expect(ok("quality:72.5").minQuality).toBe(72.5);
    expect(errors("quality:>60")).toEqual([{ code: "invalid_value", position: 8 }]);
    expect(errors("quality:101")).toEqual([{ code: "invalid_value", position: 8 }]);
  });

  it("normalizes hex and palette colors", () => {
    expect(ok("color:FF0000,#0066cc,f00").colors).toEqual(["#ff0000", "#0066cc"]);
    expect(ok("color:dark_red colour:sky-blue").colors).toEqual(["#990000", "#0099cc"]);
    expect(errors("color:nope")).toEqual([{ code: "invalid_value", position: 6 }]);
    expect(errors("color:a,b,c,d,e")[0]?.code).toBe("invalid_value");
  });

  it("keeps since as written (relative ages resolve per execution)", () => {
    expect(ok("since:2026-01-01").since).toBe("2026-01-01");
    expect(ok("since:7d").since).toBe("7d");
    expect(errors("since:2026-02-31")).toEqual([{ code: "invalid_value", position: 6 }]);
    expect(errors("since:yesterday")).toEqual([{ code: "invalid_value", position: 6 }]);
    const now = new Date("2026-03-10T00:00:00Z");
    expect(resolveSince("7d", now).toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(resolveSince("2026-01-01", now).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("parses every sort, similar with its id, and a seed for random", () => {
    expect(ok("sort:quality").sort).toBe("quality");
    expect(ok("order:relevance").sort).toBe("relevance");
    const random = ok("sort:random seed:42");
    expect([random.sort, random.seed]).toEqual(["random", 42]);
    const id = "0b9c6f8e-2a57-4a8e-9c53-3f2a1d1c0e11";
    const similar = ok(`sort:similar:${id.toUpperCase()}`);
    expect([similar.sort, similar.similarTo]).toEqual(["similar", id]);
    expect(errors("sort:similar")).toEqual([{ code: "invalid_value", position: 5 }]);
    expect(errors("sort:newest:x")).toEqual([{ code: "invalid_value", position: 5 }]);
    expect(errors("sort:best")).toEqual([{ code: "invalid_value", position: 5 }]);
  });

  it("parses purity: as a list of purities, in the canonical order", () => {
    expect(ok("purity:sketchy,SFW").purity).toEqual(["sfw", "sketchy"]);
    expect(ok("cat").purity).toBeUndefined();
    expect(errors("purity:safe")).toEqual([{ code: "invalid_value", position: 7 }]);
    expect(errors("purity:sfw purity:nsfw")).toEqual([{ code: "duplicate_filter", position: 11 }]);
  });

  it("reports unknown, empty, duplicated and negated filters", () => {
    expect(errors("cat bogus:sfw")).toEqual([{ code: "unknown_filter", position: 4 }]);
    expect(errors("atleast:")).toEqual([{ code: "missing_value", position: 0 }]);
    expect(errors("type:image type:video")).toEqual([{ code: "duplicate_filter", position: 11 }]);
    expect(errors("-type:video")).toEqual([{ code: "negated_filter", position: 0 }]);
    expect(errors("seed:4")).toEqual([{ code: "seed_without_random", position: 0 }]);
    expect(errors("sort:random seed:-1")).toEqual([{ code: "invalid_value", position: 17 }]);
  });

  it("reports every problem at once, ordered by position", () => {
    const result = parseSearchQuery("atleast:big cat OR  bogus:1 orientation:sideways");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.position, e.length])).toEqual([
      ["invalid_value", 8, 3],
      ["unbalanced_or", 16, 2],
      ["unknown_filter", 20, 7],
      ["invalid_value", 40, 8],
    ]);
    expect(result.errors[0]?.message).toMatch(/2560x1440/);
  });

  it("passes the page size through", () => {
    expect(parseSearchQuery("cat", { limit: 5 })).toMatchObject({ ok: true, query: { limit: 5 } });
  });
});

describe("parseSearchQuery: uploader", () => {
  it("takes one account name, lower-cased, beside tags and filters", () => {
    const query = ok("uploader:Ada-Lovelace cat sort:quality");
    expect(query.uploader).toBe("ada-lovelace");
    expect(query.tags.all).toEqual(["cat"]);
  });

  it("refuses a name that is no handle, and a second uploader", () => {
    expect(errors("uploader:a")).toEqual([{ code: "invalid_value", position: 9 }]);
    expect(errors("uploader:<script>")).toEqual([{ code: "invalid_value", position: 9 }]);
    expect(errors("uploader:ada uploader:grace")).toEqual([{ code: "duplicate_filter", position: 13 }]);
  });
});
