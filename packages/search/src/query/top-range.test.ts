import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parse-query.ts";
import { effectiveTopRange, parseTopRange, utcDay } from "./top-range.ts";

describe("the top list's range", () => {
  it("reads wallhaven's names, months also as 1m, and nothing else", () => {
    expect(parseTopRange("1w")).toBe("1w");
    expect(parseTopRange("1M")).toBe("1M");
    expect(parseTopRange("3m")).toBe("3M");
    expect(parseTopRange("2w")).toBeNull();
    expect(parseTopRange("1Y")).toBeNull();
    expect(effectiveTopRange(undefined)).toBe("1M");
  });

  it("is part of the query language with sort:top, and an error without it", () => {
    const parsed = parseSearchQuery("cat sort:top range:1y");
    expect(parsed.ok && { sort: parsed.query.sort, range: parsed.query.range }).toEqual({
      sort: "top",
      range: "1y",
    });
    const bare = parseSearchQuery("sort:top");
    expect(bare.ok && bare.query.range).toBeUndefined();
    const wrong = parseSearchQuery("range:5d sort:top");
    expect(wrong.ok ? [] : wrong.errors.map((error) => [error.code, error.position])).toEqual([
      ["invalid_value", 6],
    ]);
    const alone = parseSearchQuery("sort:newest range:1w");
    expect(alone.ok ? [] : alone.errors.map((error) => error.code)).toEqual(["range_without_top"]);
  });

  it("counts UTC days", () => {
    expect(utcDay(new Date("2026-03-02T23:59:59-02:00"))).toBe("2026-03-03");
  });
});
