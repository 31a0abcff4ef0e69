import { describe, expect, it } from "vitest";
import { mediaTypesOf, pipelineSteps, prerequisitesOf, stepNeeds, stepsFor } from "./steps.ts";

describe("the step definition", () => {
  it("lists every step in run order, and each media type's in the same order", () => {
    expect(pipelineSteps).toEqual(["poster", "variants", "quality", "color", "classify", "detect"]);
    expect(stepsFor("image")).toEqual(["variants", "quality", "color", "classify", "detect"]);
    expect(stepsFor("video")).toEqual(["poster", "variants", "quality", "color", "classify", "detect"]);
  });

  it("waits only for steps the media type needs", () => {
    expect(prerequisitesOf("image", "variants")).toEqual([]);
    expect(prerequisitesOf("video", "variants")).toEqual(["poster"]);
    expect(prerequisitesOf("video", "poster")).toEqual([]);
    expect(prerequisitesOf("image", "color")).toEqual(["variants"]);
  });

  it("pairs each step with the media types that need it", () => {
    expect(mediaTypesOf("poster")).toEqual(["video"]);
    expect(mediaTypesOf("quality")).toEqual(["image", "video"]);
    expect(stepNeeds).toHaveLength(stepsFor("image").length + stepsFor("video").length);
  });
});
