import { describe, expect, it } from "vitest";
import { autoTagNames } from "./auto-tags.ts";

const base = {
  mediaType: "image" as const,
  resolutionClass: "4K",
  aspectName: "16:9",
  orientation: "landscape",
  brightness: "dark",
  monochrome: false,
  colors: [],
};

describe("autoTagNames", () => {
  it("names resolution, aspect (query-safe), orientation and brightness", () => {
    expect(autoTagNames(base)).toEqual(["16x9", "4k", "dark", "landscape"]);
  });

  it("tags colors covering at least 10 %, summing entries of one name", () => {
    const colors = [
      { name: "sky blue", fraction: 0.6 },
      { name: "white", fraction: 0.06 },
      { name: "white", fraction: 0.05 },
      { name: "orange", fraction: 0.09 },
    ];
    expect(autoTagNames({ ...base, colors })).toEqual([
      "16x9",
      "4k",
      "dark",
      "landscape",
      "sky_blue",
      "white",
    ]);
  });

  it("adds monochrome and video, and leaves out facts that are unknown", () => {
    const input = {
      ...base,
      mediaType: "video" as const,
      monochrome: true,
      aspectName: null,
      brightness: null,
    };
    expect(autoTagNames(input)).toEqual(["4k", "landscape", "monochrome", "video"]);
  });
});
