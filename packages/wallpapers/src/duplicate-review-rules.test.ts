import { describe, expect, it } from "vitest";
import { defaultKeep, groupFlags, groupVersion } from "./duplicate-review-rules.ts";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

describe("groupFlags", () => {
  it("joins chains into one group, whatever order the flags come in, newest group first", () => {
    const edges = [
      { wallpaperId: "c", duplicateOf: "b", flaggedAt: at(1) },
      { wallpaperId: "x", duplicateOf: "y", flaggedAt: at(5) },
      { wallpaperId: "b", duplicateOf: "a", flaggedAt: at(2) },
      { wallpaperId: "d", duplicateOf: "c", flaggedAt: at(3) },
    ];
    const expected = [
      { ids: ["x", "y"], newestFlag: at(5), flags: 1 },
      { ids: ["a", "b", "c", "d"], newestFlag: at(3), flags: 3 },
    ];
    expect(groupFlags(edges)).toEqual(expected);
    expect(groupFlags([...edges].reverse())).toEqual(expected);
  });
});

describe("defaultKeep", () => {
  const member = (id: string, width: number, quality: number | null, minutes: number) => ({
    id,
    width,
    height: width,
    qualityScore: quality,
    createdAt: at(minutes),
  });
  it("prefers resolution, then quality, then age", () => {
    expect(defaultKeep([member("a", 100, 90, 0), member("b", 200, 10, 5)])).toBe("b");
    expect(defaultKeep([member("a", 100, 40, 0), member("b", 100, 60, 5)])).toBe("b");
    expect(defaultKeep([member("a", 100, null, 0), member("b", 100, 1, 5)])).toBe("b");
    expect(defaultKeep([member("a", 100, 50, 9), member("b", 100, 50, 5)])).toBe("b");
    expect(defaultKeep([])).toBeNull();
  });
});

describe("groupVersion", () => {
  it("changes when a member changes, not with the order", () => {
    const one = { id: "a", updatedAt: at(1) };
    const two = { id: "b", updatedAt: at(2) };
    expect(groupVersion([one, two])).toBe(groupVersion([two, one]));
    expect(groupVersion([one, { ...two, updatedAt: at(3) }])).not.toBe(groupVersion([one, two]));
  });
});
