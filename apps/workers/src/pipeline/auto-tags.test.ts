import { describe, expect, it } from "vitest";
import { autoTagNames } from "./auto-tags.ts";

const base = {
  mediaType: "image" as const,
  resolutionClass: "4K",
  aspectName: "16:9",
  orientation: "landscape",
  brightness: "dark",
  monochrome: false,
  colorNames: [],
};

describe("autoTagNames", () => {
  it("names resolution, aspect (query-safe), orientation and brightness", () => {
    expect(autoTagNames(base)).toEqual(["16x9", "4k", "dark", "landscape"]);
  });

  it("tags exactly the named colours the colour step stored", () => {
    const colorNames = ["sky blue", "white"];
    expect(autoTagNames({ ...base, colorNames })).toEqual([
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
      colorNames: null,
    };
    expect(autoTagNames(input)).toEqual(["4k", "landscape", "monochrome", "video"]);
  });
});
