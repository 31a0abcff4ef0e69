import { describe, expect, it } from "vitest";
import { emptyFilters, filtersFromParams } from "../gallery/filters.ts";
import { withAccountDefaults } from "./gallery-defaults.ts";

const settings = {
  minResolution: { width: 2560, height: 1440 },
  ratios: ["16:9", "21:9"],
  defaultSort: "random" as const,
};

describe("the account's gallery defaults", () => {
  it("fill what the address leaves unsaid", () => {
    const params = new URLSearchParams("tags=cat");
    expect(withAccountDefaults(filtersFromParams(params), params, settings)).toMatchObject({
      tags: ["cat"],
      atleast: "2560x1440",
      ratios: ["16x9", "21x9"],
      sort: "random",
    });
  });

  it("never override what the address says, and do nothing without an account", () => {
    const params = new URLSearchParams("atleast=1920x1080&ratio=4x3&sort=quality");
    expect(withAccountDefaults(filtersFromParams(params), params, settings)).toMatchObject({
      atleast: "1920x1080",
      ratios: ["4x3"],
      sort: "quality",
    });
    expect(withAccountDefaults(emptyFilters, new URLSearchParams(), null)).toBe(emptyFilters);
  });
});
