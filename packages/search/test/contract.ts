import { AppError } from "@wallpaperdb/core/errors";
import { namedPalette } from "@wallpaperdb/imaging/colors";
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchBackend, SearchPage } from "../src/backend.ts";
import { type SearchInput, type SearchInputDraft, searchInput } from "../src/query/input.ts";
import { parseSearchQuery } from "../src/query/parse-query.ts";
import type { FixtureWallpaper } from "./fixture.ts";
import { expectedIds } from "./oracle.ts";

type CaseInput = SearchInputDraft | { q: string };

/** Every filter, every sort and the query-string syntax; the same list for every backend. */
export function contractCases(rows: readonly FixtureWallpaper[]): { name: string; input: CaseInput }[] {
  const similarTo = rows[9]?.id ?? "";
  // Two colors that certainly occur together: the two largest of one wallpaper's palette.
  const pair = [...(rows[0]?.colors ?? [])]
    .sort((a, b) => b.fraction - a.fraction)
    .slice(0, 2)
    .map((c) => c.nameHex);
  const offSwatch =
    rows.flatMap((r) => r.colors).find((c) => c.fraction >= 0.2 && c.hex !== c.nameHex)?.hex ?? "#123456";
  return [
    { name: "everything, newest first (created_at ties broken by id)", input: {} },
    { name: "one tag", input: { tags: { all: ["cat"] } } },
    { name: "an alias resolves to its tag", input: { tags: { all: ["kitty"] } } },
    { name: "two tags and an excluded one", input: { tags: { all: ["nature", "night"], none: ["city"] } } },
    { name: "OR group", input: { tags: { any: [["space", "anime"]] } } },
    { name: "atleast", input: { atleast: { width: 2560, height: 1440 } } },
    {
      name: "exact resolutions",
      input: {
        resolutions: [
          { width: 1920, height: 1080 },
          { width: 3840, height: 2160 },
        ],
      },
    },
    { name: "ratios", input: { ratios: ["16:9", "21:9"] } },
    { name: "atleast and ratio", input: { atleast: { width: 2560, height: 1440 }, ratios: ["16x9"] } },
    { name: "orientation portrait", input: { orientation: "portrait" } },
    { name: "videos", input: { mediaType: "video" } },
    { name: "minimum quality", input: { minQuality: 60 } },
    { name: "one color", input: { colors: ["#cc0000"] } },
    { name: "palette color name", input: { colors: ["blue"] } },
    { name: "two colors", input: { colors: pair } },
    { name: "since a date", input: { since: "2026-01-05" } },
    { name: "since an age", input: { since: "400d" } },
    { name: "sort quality", input: { sort: "quality" } },
    { name: "sort quality with a tag", input: { sort: "quality", tags: { all: ["dog"] } } },
    { name: "sort random, seeded", input: { sort: "random", seed: 12345 } },
    {
      name: "sort relevance over OR tags and a color",
      input: { sort: "relevance", tags: { any: [["cat", "dog", "night"]] }, colors: ["#000000"] },
    },
    { name: "sort similar", input: { sort: "similar", similarTo } },
    { name: "query string: tags and OR", input: { q: "nature -city cat OR dog" } },
    {
      name: "query string: ~ group, filters, quality sort",
      input: { q: "~space ~anime atleast:1920x1080 ratio:16x9,21x9 sort:quality" },
    },
    {
      name: "query string: color, type, since, orientation",
      input: { q: "color:red,black type:image orientation:landscape since:2026-01-03" },
    },
    { name: "query string: random with seed", input: { q: "quality:>=30 sort:random seed:99" } },
    {
      name: "query string: similar",
      input: { q: `sort:similar:${similarTo} res:1920x1080,2560x1440,3840x2160` },
    },
    { name: "uploader", input: { uploader: "ada" } },
    { name: "query string: uploader with a tag", input: { q: "uploader:Grace cat sort:quality" } },
    { name: "an unknown uploader matches nothing", input: { uploader: "nobody" } },
    { name: "purity within the visitor's scope", input: { q: "purity:sfw,sketchy cat" } },
    { name: "a purity a visitor may not see matches nothing", input: { q: "purity:nsfw" } },
    // Not a swatch: the palette rule applies to the stored palette (the entry's own hex certainly matches).
    { name: "a hex that is no swatch", input: { colors: [offSwatch] } },
    { name: "a swatch and a hex that is no swatch", input: { colors: [offSwatch, pair[0] ?? "#000000"] } },
  ];
}

export function toInput(input: CaseInput, limit: number): SearchInput {
  if ("q" in input && typeof input.q === "string") {
    const parsed = parseSearchQuery(input.q, { limit });
    if (!parsed.ok) throw new Error(`fixture query does not parse: ${JSON.stringify(parsed.errors)}`);
    return parsed.query;
  }
  return searchInput.parse({ ...input, limit });
}

export async function collectPages(
  backend: SearchBackend,
  input: SearchInput,
): Promise<{ ids: string[]; pages: SearchPage[] }> {
  const pages: SearchPage[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchPage = await backend.search(input, cursor);
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error("paging does not end");
  } while (cursor);
  return { ids: pages.flatMap((page) => page.items.map((item) => item.id)), pages };
}

/** The search port's contract, run against each backend that can run here. */
export function searchContract(
  name: string,
  setup: () => Promise<{ backend: SearchBackend; rows: FixtureWallpaper[] }>,
) {
  describe(`search contract: ${name}`, () => {
    let backend: SearchBackend;
    let rows: FixtureWallpaper[];
    beforeAll(async () => {
      ({ backend, rows } = await setup());
    });

    it("returns exactly the expected wallpapers, in order, for every case, page after page", async () => {
      for (const testCase of contractCases(rows)) {
        const input = toInput(testCase.input, 7);
        const expected = expectedIds(rows, input);
        const { ids, pages } = await collectPages(backend, input);
        expect(ids, testCase.name).toEqual(expected);
        expect(new Set(ids).size, `${testCase.name}: duplicates`).toBe(ids.length);
        expect(pages[0]?.total, `${testCase.name}: total`).toBe(expected.length);
        expect(pages[0]?.totalIsEstimate).toBe(false);
        expect(pages.every((page) => page.items.length <= 7)).toBe(true);
      }
      // A query must match something, or the case proves little.
      const mustMatch = contractCases(rows).filter(
        (c, i) => i < 22 || c.name.includes("no swatch") || /^(query string: )?uploader/u.test(c.name),
      );
      for (const testCase of mustMatch) {
        expect(expectedIds(rows, toInput(testCase.input, 7)).length, testCase.name).toBeGreaterThan(0);
      }
    });

    it("finds, for every named colour, exactly the wallpapers whose stored named colours hold it", async () => {
      let found = 0;
      for (const color of namedPalette) {
        const input = toInput({ colors: [color.hex] }, 50);
        const expected = rows
          .filter((r) => r.processed && r.moderation === "approved" && r.colorNames.includes(color.name))
          .map((r) => r.id)
          .sort();
        const { ids } = await collectPages(backend, input);
        expect([...ids].sort(), color.name).toEqual(expected);
        found += ids.length;
      }
      expect(found).toBeGreaterThan(0);
    });

    it("keeps a random order across pages and calls, and changes it with the seed", async () => {
      const unseeded = toInput({ sort: "random" }, 10);
      const first = await collectPages(backend, unseeded);
      const seed = first.pages[0]?.seed;
      expect(typeof seed).toBe("number");
      expect(first.pages.every((page) => page.seed === seed)).toBe(true);
      expect(first.ids).toEqual(expectedIds(rows, { ...unseeded, seed: seed ?? 0 }));
      const again = await collectPages(backend, toInput({ sort: "random", seed: seed ?? 0 }, 10));
      expect(again.ids).toEqual(first.ids);
      const other = await collectPages(backend, toInput({ sort: "random", seed: (seed ?? 0) + 1 }, 10));
      expect(other.ids).not.toEqual(first.ids);
      expect([...other.ids].sort()).toEqual([...first.ids].sort());
    });

    it("fills cards with facts, palette and variant URLs", async () => {
      const page = await backend.search(toInput({ tags: { all: ["cat"] } }, 3));
      const card = page.items[0];
      const row = rows.find((r) => r.id === card?.id);
      expect(card && row).toBeTruthy();
      expect(card?.colors).toEqual(row?.colors.map((c) => c.hex));
      expect(card).toMatchObject({
        width: row?.width,
        height: row?.height,
        aspectName: row?.aspectName,
        mediaType: row?.mediaType,
      });
    });

    it("reports unknown tags: a required one matches nothing, an excluded one is ignored", async () => {
      const required = await backend.search(toInput({ tags: { all: ["cat", "no_such_tag"] } }, 5));
      expect([required.items, required.total, required.unknownTags]).toEqual([[], 0, ["no_such_tag"]]);
      const excluded = await collectPages(
        backend,
        toInput({ tags: { all: ["cat"], none: ["no_such_tag"] } }, 100),
      );
      expect(excluded.ids).toEqual(expectedIds(rows, toInput({ tags: { all: ["cat"] } }, 100)));
    });

    it("rejects a cursor from another query", async () => {
      const page = await backend.search(toInput({}, 3));
      expect(page.nextCursor).toBeTruthy();
      await expect(
        backend.search(toInput({ tags: { all: ["cat"] } }, 3), page.nextCursor),
      ).rejects.toMatchObject({
        code: "bad_request",
        details: { reason: "invalid_cursor" },
      });
      await expect(backend.search(toInput({}, 3), "garbage")).rejects.toBeInstanceOf(AppError);
    });

    it("finds near-duplicates first, then palette neighbours; nothing for a hidden wallpaper", async () => {
      const [original, copy] = [rows[8], rows[9]];
      const visible = (r?: FixtureWallpaper) => r?.processed && r.moderation === "approved";
      if (visible(original) && visible(copy)) {
        const items = (await backend.similar(copy?.id ?? "", 8)) ?? [];
        expect(items[0]).toMatchObject({
          card: { id: original?.id },
          match: { kind: "near_duplicate", hammingDistance: 2 },
        });
        expect(items.length).toBe(8);
        expect(items.slice(1).every((item) => item.match.kind === "palette")).toBe(true);
        expect(items.some((item) => item.card.id === copy?.id)).toBe(false);
      }
      const hidden = rows.find((r) => !visible(r));
      expect(await backend.similar(hidden?.id ?? "", 5)).toBeNull();
    });

    it("random picks a wallpaper matching the filters, the same one for the same seed", async () => {
      const filters = searchInput.parse({ atleast: { width: 2560, height: 1440 }, ratios: ["16:9"] });
      const pick = await backend.random(filters, 7);
      expect(pick?.id).toBe(expectedIds(rows, { ...filters, sort: "random", seed: 7 })[0]);
      expect((await backend.random(filters, 7))?.id).toBe(pick?.id);
      expect(await backend.random(searchInput.parse({ resolutions: [{ width: 1, height: 1 }] }))).toBeNull();
    });
  });
}
