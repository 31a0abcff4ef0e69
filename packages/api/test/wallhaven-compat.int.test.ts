import { topRanges } from "@wallpaperdb/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedNumber, WALLHAVEN_CALLS_PER_MINUTE } from "../src/wallhaven/index.ts";
import { type Harness, openHarness } from "./harness.ts";
import { type Answer, type Identity, idsOf, trpcAs, trpcPageIds, wallhavenGet } from "./wallhaven-client.ts";
import { seedWallhavenFixture, type WallhavenFixture } from "./wallhaven-fixture.ts";
import { errorSchema, searchSchema } from "./wallhaven-schema.ts";

let h: Harness;
let f: WallhavenFixture;

beforeAll(async () => {
  h = await openHarness();
  f = await seedWallhavenFixture(h.deps);
});
afterAll(async () => {
  await h?.close();
});

const get = (path: string, who?: Identity) => wallhavenGet(h.deps, path, who);

/** The answer is a documented search response with the same ids, order and total as tRPC's search. */
async function expectSameAsTrpc(answer: Answer, q: string, page: number, key?: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const body = searchSchema.parse(answer.body);
  const expected = await trpcPageIds(await trpcAs(h.deps, key), q, page);
  expect(idsOf(answer)).toEqual(expected.ids);
  expect(body.meta).toMatchObject({
    current_page: page,
    per_page: 24,
    total: expected.total,
    last_page: Math.max(1, Math.ceil(expected.total / 24)),
  });
  return body;
}

describe("GET /api/v1/search replays wallhaven's documented parameters as the same tRPC search", () => {
  const likeId = () => f.visible[3]?.id ?? "";
  const paletteHex = () =>
    (f.visible.find((row) => row.colorNames.length > 0)?.colors[0]?.nameHex ?? "").slice(1);
  const cases: [name: string, wallhaven: () => string, ours: () => string][] = [
    ["no parameters", () => "", () => ""],
    ["q +tag -tag", () => "q=%2Bcat -dog", () => "cat -dog"],
    ["q tag by alias", () => "q=kitty", () => "kitty"],
    ["q @username", () => "q=@ada", () => "uploader:ada"],
    ["q id:<tag id>", () => `q=id:${f.tagIds.get("night")}`, () => "night"],
    ["q type:jpg", () => "q=type:jpg", () => "type:image"],
    ["q like:<id>", () => `q=like:${likeId()}`, () => `sort:similar:${likeId()}`],
    ["categories 100", () => "categories=100", () => ""],
    ["categories 111", () => "categories=111", () => ""],
    ["purity 100", () => "purity=100", () => "purity:sfw"],
    ["purity 110", () => "purity=110", () => "purity:sfw,sketchy"],
    ["sorting date_added, order desc", () => "sorting=date_added&order=desc", () => "sort:newest"],
    ["sorting relevance", () => "q=cat nature&sorting=relevance", () => "cat nature sort:relevance"],
    ["sorting views", () => "sorting=views", () => "sort:top range:1y"],
    ["sorting favorites", () => "sorting=favorites", () => "sort:top range:1y"],
    ["sorting toplist (default range)", () => "sorting=toplist", () => "sort:top range:1M"],
    ...topRanges.map((range): [string, () => string, () => string] => [
      `sorting toplist topRange ${range}`,
      () => `sorting=toplist&topRange=${range}`,
      () => `sort:top range:${range}`,
    ]),
    [
      "sorting random with seed",
      () => "sorting=random&seed=abc123",
      () => `sort:random seed:${seedNumber("abc123")}`,
    ],
    ["atleast", () => "atleast=2560x1440", () => "atleast:2560x1440"],
    ["resolutions", () => "resolutions=1920x1080,3840x2160", () => "res:1920x1080,3840x2160"],
    ["ratios", () => "ratios=16x9,21x9", () => "ratio:16x9,21x9"],
    ["ratios portrait", () => "ratios=portrait", () => "orientation:portrait"],
    ["ratios landscape", () => "ratios=landscape", () => "orientation:landscape"],
    ["colors", () => `colors=${paletteHex()}`, () => `color:${paletteHex()}`],
  ];
  for (const [name, wallhaven, ours] of cases) {
    it(name, async () => {
      const body = await expectSameAsTrpc(await get(`/api/v1/search?${wallhaven()}`), ours(), 1);
      // A visitor never gets more than sfw, whatever purity it asks for (wallhaven: nsfw needs a key).
      for (const item of body.data) expect(item.purity).toBe("sfw");
    });
  }

  it("pages by number: page 2 and 3 are the tRPC search's second and third 24", async () => {
    await expectSameAsTrpc(await get("/api/v1/search?page=2"), "", 2);
    // Past item 100: the walk takes a step of 100 and one of 20, yet lands where 24-item pages do.
    await expectSameAsTrpc(await get("/api/v1/search?page=6"), "", 6);
    const third = await expectSameAsTrpc(await get("/api/v1/search?q=nature&page=3"), "nature", 3);
    expect(third.meta.current_page).toBe(3);
    const past = searchSchema.parse((await get("/api/v1/search?q=nature&page=40")).body);
    expect(past.data).toEqual([]);
  });

  it("means what wallhaven means by the filters", async () => {
    const big = searchSchema.parse((await get("/api/v1/search?atleast=2560x1440")).body);
    expect(big.data.length).toBeGreaterThan(0);
    for (const item of big.data) expect(item.dimension_x >= 2560 && item.dimension_y >= 1440).toBe(true);
    const tall = searchSchema.parse((await get("/api/v1/search?ratios=portrait")).body);
    for (const item of tall.data) expect(item.dimension_y).toBeGreaterThan(item.dimension_x);
    const exact = searchSchema.parse((await get("/api/v1/search?resolutions=1920x1080")).body);
    for (const item of exact.data) expect(item.resolution).toBe("1920x1080");
    const byTag = searchSchema.parse((await get(`/api/v1/search?q=id:${f.tagIds.get("night")}`)).body);
    expect(byTag.meta.query).toEqual({ id: f.tagIds.get("night"), tag: "night" });
    const favourites = searchSchema.parse((await get("/api/v1/search?sorting=favorites")).body);
    const counts = favourites.data.map((item) => item.favorites * 10 + item.views);
    expect(counts.slice(0, 5)).toEqual([...counts.slice(0, 5)].sort((a, b) => b - a));
  });

  it("categories without general match nothing: every WallpaperDB wallpaper is general", async () => {
    const body = searchSchema.parse((await get("/api/v1/search?categories=011")).body);
    expect(body).toMatchObject({ data: [], meta: { total: 0, last_page: 1 } });
  });

  it("random: meta.seed is six characters and the same seed gives the same order page after page", async () => {
    const first = searchSchema.parse((await get("/api/v1/search?sorting=random")).body);
    const seed = first.meta.seed ?? "";
    expect(seed).toMatch(/^[a-zA-Z0-9]{6}$/u);
    const again = await get(`/api/v1/search?sorting=random&seed=${seed}`);
    expect(idsOf(again)).toEqual(first.data.map((item) => item.id));
    const second = await expectSameAsTrpc(
      await get(`/api/v1/search?sorting=random&seed=${seed}&page=2`),
      `sort:random seed:${seedNumber(seed)}`,
      2,
    );
    expect(second.meta.seed).toBe(seed);
    expect(second.data.some((item) => idsOf(again).includes(item.id))).toBe(false);
  });

  it("with an API key (header or apikey=) follows the key owner's purities, as tRPC does", async () => {
    const all = await expectSameAsTrpc(
      await get("/api/v1/search?purity=111", { key: f.ownerKey }),
      "purity:sfw,sketchy,nsfw",
      1,
      f.ownerKey,
    );
    expect(new Set(all.data.map((item) => item.purity))).toEqual(new Set(["sfw", "sketchy", "nsfw"]));
    const nsfw = await expectSameAsTrpc(
      await get("/api/v1/search?purity=001", { key: f.ownerKey, asParameter: true }),
      "purity:nsfw",
      1,
      f.ownerKey,
    );
    expect(nsfw.data.length).toBeGreaterThan(0);
    for (const item of nsfw.data) expect(item.purity).toBe("nsfw");
    const anonymous = searchSchema.parse((await get("/api/v1/search?purity=001")).body);
    expect(anonymous.data).toEqual([]);
  });

  it("refuses what it cannot honour with wallhaven's status and a stable code", async () => {
    for (const [query, parameter] of [
      ["order=asc", "order"],
      ["sorting=hot", "sorting"],
      ["purity=000", "purity"],
      ["sorting=random&seed=toolong1", "seed"],
      ["sorting=toplist&topRange=2y", "topRange"],
    ]) {
      const answer = await get(`/api/v1/search?${query}`);
      expect(answer.status, query).toBe(400);
      expect(errorSchema.parse(answer.body)).toMatchObject({ code: "validation_failed" });
      expect(answer.body.parameter, query).toBe(parameter);
    }
    const parser = await get("/api/v1/search?atleast=huge");
    expect(parser.status).toBe(400);
    expect(parser.body).toMatchObject({ code: "validation_failed", reason: "invalid_query" });
  });

  it("answers 401 for a key that is not valid, in the header or the parameter", async () => {
    for (const asParameter of [false, true]) {
      const answer = await get("/api/v1/search", { key: "wpdb_not_a_key", asParameter });
      expect(answer.status).toBe(401);
      expect(errorSchema.parse(answer.body).code).toBe("unauthorized");
    }
  });

  it(`answers 429 after ${WALLHAVEN_CALLS_PER_MINUTE} calls a minute from one client, with Retry-After`, async () => {
    const address = "192.0.2.45";
    for (let call = 1; call <= WALLHAVEN_CALLS_PER_MINUTE; call += 1) {
      const answer = await get("/api/v1/tag/1", { address });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-ratelimit-remaining")).toBe(String(WALLHAVEN_CALLS_PER_MINUTE - call));
    }
    const refused = await get("/api/v1/search", { address });
    expect(refused.status).toBe(429);
    expect(errorSchema.parse(refused.body).code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is counted on its own.
    expect((await get("/api/v1/search", { address: "192.0.2.46" })).status).toBe(200);
  });
});
