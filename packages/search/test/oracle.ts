import { entryMatchesColor } from "@wallpaperdb/imaging/colors";
import { colorCoverage, colorTargets } from "../src/color-match.ts";
import type { SearchInput } from "../src/query/input.ts";
import { resolveSince } from "../src/query/since.ts";
import { randomKey, relevanceKey } from "../src/sort-keys.ts";
import { shownPurities, visitorScope } from "../src/viewer-scope.ts";
import { type FixtureWallpaper, fixtureAliases } from "./fixture.ts";

/**
 * A plain in-memory implementation of the search semantics: what every backend must return for the
 * fixture corpus. Deliberately naive (no indexes, no SQL) so that it is obviously right.
 */
const canonical = (name: string) => {
  const lower = name.toLowerCase();
  return fixtureAliases.find(([alias]) => alias === lower)?.[1] ?? lower;
};

function hamming(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x > 0n) {
    x &= x - 1n;
    count++;
  }
  return count;
}

export function expectedIds(
  rows: readonly FixtureWallpaper[],
  input: SearchInput,
  now = new Date(),
): string[] {
  const targets = colorTargets(input.colors);
  const has = (row: FixtureWallpaper, name: string) => row.tags.has(canonical(name));
  const similarTo = rows.find((row) => row.id === input.similarTo);
  const matches = rows.filter((row) => {
    if (!row.processed || row.moderation !== "approved") return false;
    if (!input.tags.all.every((name) => has(row, name))) return false;
    if (input.tags.none.some((name) => has(row, name))) return false;
    if (!input.tags.any.every((group) => group.some((name) => has(row, name)))) return false;
    if (input.atleast && (row.width < input.atleast.width || row.height < input.atleast.height)) return false;
    if (
      input.resolutions.length > 0 &&
      !input.resolutions.some((s) => s.width === row.width && s.height === row.height)
    )
      return false;
    if (input.ratios.length > 0 && !input.ratios.includes(row.aspectName ?? "")) return false;
    if (input.orientation && row.orientation !== input.orientation) return false;
    if (input.mediaType && row.mediaType !== input.mediaType) return false;
    if (input.minQuality !== undefined && (row.quality === null || row.quality < input.minQuality))
      return false;
    for (const target of targets) {
      // A swatch is one of the wallpaper's named colours; any other hex, the same rule on its palette.
      const has = target.name
        ? row.colorNames.includes(target.name)
        : row.colors.some((c) => entryMatchesColor(c, [target.l, target.a, target.b]));
      if (!has) return false;
    }
    if (input.uploader !== undefined && row.uploader !== input.uploader) return false;
    // The suite searches as a visitor; every fixture wallpaper is sfw.
    if (!shownPurities(visitorScope, input.purity).includes("sfw")) return false;
    if (input.since && row.createdAt < resolveSince(input.since, now)) return false;
    if (input.sort === "quality" && row.quality === null) return false;
    return true;
  });
  const byId = (a: FixtureWallpaper, b: FixtureWallpaper) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const optional = [...new Set(input.tags.any.flat().map(canonical))];
  const key = (row: FixtureWallpaper): number => {
    switch (input.sort) {
      case "newest":
        return row.createdAt.getTime();
      case "quality":
        return row.quality ?? 0;
      case "random":
        return randomKey(row.id, input.seed ?? 0);
      case "relevance": {
        const coverage = targets.reduce((sum, target) => sum + colorCoverage(target, row.colors), 0);
        return relevanceKey(optional.filter((tag) => row.tags.has(tag)).length, coverage, row.quality);
      }
      case "similar":
        return similarTo ? hamming(row.phash, similarTo.phash) : 0;
      case "top":
        throw new Error("the oracle has no popularity: the top list is tested in test/top-list.int.test.ts");
    }
  };
  const descending = input.sort === "newest" || input.sort === "quality" || input.sort === "relevance";
  return matches
    .sort((a, b) => {
      const diff = key(a) - key(b) || byId(a, b);
      return descending ? -diff : diff;
    })
    .map((row) => row.id);
}
