import { namedPalette } from "@wallpaperdb/imaging/colors";
import { describe, expect, it } from "vitest";
import { autoTagNames, factTagKind, isFactTagName } from "./fact-tags.ts";

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

describe("factTagKind", () => {
  it("knows every ratio, including portrait and unnamed ones", () => {
    for (const name of ["16x9", "16x10", "1x1", "9x16", "21x9", "32x9", "7x3"]) {
      expect(factTagKind(name), name).toBe("ratio");
    }
  });

  it("knows every resolution class, orientation, brightness, monochrome and video", () => {
    for (const name of ["sd", "hd", "fhd", "qhd", "4k", "5k", "6k", "8k"])
      expect(factTagKind(name)).toBe("resolution");
    for (const name of ["landscape", "portrait", "square"]) expect(factTagKind(name)).toBe("orientation");
    expect([factTagKind("dark"), factTagKind("light")]).toEqual(["brightness", "brightness"]);
    expect(factTagKind("monochrome")).toBe("monochrome");
    expect(factTagKind("video")).toBe("media_type");
  });

  it("knows every named colour as the auto tagger writes it", () => {
    const names = autoTagNames({ ...base, colorNames: namedPalette.map((color) => color.name) });
    for (const color of namedPalette) {
      const name = names.find((n) => n === color.name.replace(/ /gu, "_"));
      expect(name && factTagKind(name), color.name).toBe("colour");
    }
  });

  it("calls every name the auto tagger derives from a file a fact (detected content aside)", () => {
    const input = { ...base, mediaType: "video" as const, monochrome: true, colorNames: ["sky blue"] };
    for (const resolutionClass of ["SD", "HD", "FHD", "QHD", "4K", "5K", "6K", "8K"]) {
      for (const [aspectName, orientation] of [
        ["16:10", "landscape"],
        ["9:16", "portrait"],
        ["1:1", "square"],
      ]) {
        const names = autoTagNames({
          ...input,
          resolutionClass,
          aspectName: aspectName ?? null,
          orientation: orientation ?? null,
        });
        expect(names.filter((name) => !isFactTagName(name))).toEqual([]);
      }
    }
  });

  it("leaves names people decide alone", () => {
    for (const name of ["mountain", "dog", "people", "16x9_poster", "x1", "blueish", "landscape_painting"]) {
      expect(isFactTagName(name), name).toBe(false);
    }
  });
});
