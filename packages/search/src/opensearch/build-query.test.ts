import { describe, expect, it } from "vitest";
import { colorTargets } from "../color-match.ts";
import type { PreparedSearch } from "../prepare.ts";
import { searchInput } from "../query/input.ts";
import { parseSearchQuery } from "../query/parse-query.ts";
import { visitorScope } from "../viewer-scope.ts";
import { buildFilter, buildSearchBody } from "./build-query.ts";
import { wallpaperIndexBody } from "./mapping.ts";
import { bulkBody } from "./opensearch-backend.ts";

function prepared(q: string, extra: Partial<PreparedSearch> = {}): PreparedSearch {
  const parsed = parseSearchQuery(q, { limit: 10 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return {
    input: parsed.query,
    tags: { all: [1], none: [2], any: [[3, 4]], unknown: [], impossible: false },
    colors: colorTargets(parsed.query.colors),
    seed: 42,
    similarPhash: null,
    uploaderId: undefined,
    scope: visitorScope,
    purities: ["sfw"],
    fingerprint: "0123456789abcdef",
    after: null,
    now: new Date("2026-03-10T00:00:00Z"),
    ...extra,
  };
}

describe("OpenSearch query builder", () => {
  it("filters uploader: on the account id, and matches nothing for an unknown name", () => {
    const filterOf = (extra: Partial<PreparedSearch>) =>
      (buildFilter(prepared("uploader:ada", extra)) as { bool: { filter: unknown[] } }).bool.filter;
    expect(filterOf({ uploaderId: "user-1" })).toContainEqual({ term: { uploader_id: "user-1" } });
    expect(filterOf({ uploaderId: null })).toContainEqual({ match_none: {} });
    expect(wallpaperIndexBody.mappings.properties.uploader_id).toEqual({ type: "keyword" });
  });

  it("applies the viewer scope: the shown purities and the blacklist (must_not)", () => {
    const bool = (extra: Partial<PreparedSearch>) =>
      (buildFilter(prepared("cat", extra)) as { bool: { filter: unknown[]; must_not: unknown[] } }).bool;
    expect(bool({}).filter).toContainEqual({ terms: { purity: ["sfw"] } });
    const signedIn = bool({
      purities: ["sfw", "sketchy", "nsfw"],
      scope: { purities: ["sfw", "sketchy", "nsfw"], blacklist: [7, 9] },
    });
    expect(JSON.stringify(signedIn.filter)).not.toContain("purity");
    expect(signedIn.must_not).toContainEqual({ terms: { tag_ids: [7, 9] } });
    expect(bool({ purities: [] }).filter).toContainEqual({ match_none: {} });
    expect(wallpaperIndexBody.mappings.properties.purity).toEqual({ type: "keyword" });
  });

  it("turns every filter into a bool filter clause", () => {
    const body = buildSearchBody(
      prepared(
        "cat -dog a OR b atleast:2560x1440 res:1920x1080 ratio:16x9 orientation:landscape type:image quality:>=60 color:ff0000 since:7d",
      ),
    );
    const filter = (body.query as { bool: { filter: unknown[]; must_not: unknown[] } }).bool;
    expect(filter.must_not).toEqual([{ terms: { tag_ids: [2] } }]);
    expect(filter.filter).toEqual(
      expect.arrayContaining([
        { term: { tag_ids: 1 } },
        { terms: { tag_ids: [3, 4] } },
        { range: { width: { gte: 2560 } } },
        { range: { height: { gte: 1440 } } },
        {
          bool: {
            should: [{ bool: { filter: [{ term: { width: 1920 } }, { term: { height: 1080 } }] } }],
            minimum_should_match: 1,
          },
        },
        { terms: { aspect_name: ["16:9"] } },
        { term: { orientation: "landscape" } },
        { term: { media_type: "image" } },
        { range: { quality_score: { gte: 60 } } },
        { range: { created_at: { gte: "2026-03-03T00:00:00.000Z" } } },
      ]),
    );
    const nested = filter.filter.find((clause) => "nested" in (clause as object)) as {
      nested: { path: string; query: { bool: { filter: unknown[] } } };
    };
    expect(nested.nested.path).toBe("colors");
    expect(nested.nested.query.bool.filter).toHaveLength(5);
    expect(body).toMatchObject({ size: 11, track_total_hits: 1000, _source: false });
  });

  it("asks the stored named colours for a swatch and the palette for any other hex", () => {
    const filter = buildFilter(prepared("color:sky_blue,ff0000")) as { bool: { filter: object[] } };
    expect(filter.bool.filter).toContainEqual({ term: { color_names: "sky blue" } });
    const nested = filter.bool.filter.filter((clause) => "nested" in clause);
    expect(nested).toHaveLength(1);
    expect(JSON.stringify(nested)).not.toContain("color_names");
  });

  it("orders by the same keys as PostgreSQL, with search_after from the cursor", () => {
    expect(buildSearchBody(prepared("")).sort).toEqual([
      { created_at: { order: "desc" } },
      { id: { order: "desc" } },
    ]);
    expect(buildSearchBody(prepared("sort:quality")).sort).toEqual([
      { quality_score: { order: "desc" } },
      { id: { order: "desc" } },
    ]);
    const random = buildSearchBody(prepared("sort:random seed:42")).sort as {
      _script?: { script: { params: unknown }; order: string };
    }[];
    expect(random[0]?._script).toMatchObject({ script: { params: { seed: 42 } }, order: "asc" });
    const similar = buildSearchBody(
      prepared(`sort:similar:${"0b9c6f8e-2a57-4a8e-9c53-3f2a1d1c0e11"}`, { similarPhash: -5n }),
    ).sort as { _script?: { script: { params: unknown } } }[];
    expect(similar[0]?._script?.script.params).toEqual({ target: "-5" });
    const relevance = buildSearchBody(prepared("sort:relevance color:red")).sort as {
      _script?: { script: { params: { optional: number[] } } };
    }[];
    expect(relevance[0]?._script?.script.params.optional).toEqual([3, 4]);
    const paged = buildSearchBody(
      prepared("", { after: { keys: ["1767225600000000000", '"abc"'], seed: null } }),
    );
    expect(paged.search_after).toEqual([1767225600000000000, "abc"]);
  });

  it("requires a quality score for the quality order and a hash for the similar order", () => {
    const quality = buildSearchBody({ ...prepared(""), input: searchInput.parse({ sort: "quality" }) });
    expect(JSON.stringify(quality.query)).toContain('"exists":{"field":"quality_score"}');
  });

  it("maps documents strictly and bulk-indexes them by id", () => {
    expect(wallpaperIndexBody.mappings.properties.colors.type).toBe("nested");
    expect(wallpaperIndexBody.mappings.properties.tag_ids.type).toBe("long");
    const document = {
      id: "w1",
      media_type: "image" as const,
      width: 1,
      height: 1,
      created_at: "2026-01-01T00:00:00.000000Z",
      aspect_name: "1:1",
      orientation: "square",
      quality_score: 50,
      phash: "-1",
      tag_ids: [1],
      color_names: ["sky blue"],
      uploader_id: null,
      purity: "nsfw" as const,
      colors: [],
    };
    expect(bulkBody("wallpapers", [document])).toEqual([
      { index: { _index: "wallpapers", _id: "w1" } },
      document,
    ]);
  });
});
