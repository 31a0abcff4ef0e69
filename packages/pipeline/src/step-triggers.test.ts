import { describe, expect, it } from "vitest";
import { drivableSteps, triggerOf } from "./step-triggers.ts";

describe("drivableSteps", () => {
  it("starts a wallpaper without rows at the head of its chain", () => {
    expect(drivableSteps("image", {})).toEqual(["variants"]);
    expect(drivableSteps("video", {})).toEqual(["poster"]);
  });

  it("drives every sibling once their prerequisite is done", () => {
    expect(drivableSteps("image", { variants: "done", quality: "pending", color: "pending" })).toEqual([
      "quality",
      "color",
      "classify",
      "detect",
    ]);
  });

  it("leaves steps behind a failed or running prerequisite alone", () => {
    expect(drivableSteps("image", { variants: "failed", quality: "pending" })).toEqual([]);
    expect(drivableSteps("video", { poster: "running", variants: "pending" })).toEqual([]);
    expect(drivableSteps("video", { poster: "done", variants: "pending", quality: "pending" })).toEqual([
      "variants",
    ]);
  });

  it("drives nothing when every step is done", () => {
    expect(
      drivableSteps("image", {
        variants: "done",
        quality: "done",
        color: "done",
        classify: "done",
        detect: "done",
      }),
    ).toEqual([]);
  });
});

describe("triggerOf", () => {
  it("names the event each step consumes", () => {
    expect(triggerOf("image", "variants")).toBe("wallpaper.uploaded.v1");
    expect(triggerOf("video", "poster")).toBe("wallpaper.uploaded.v1");
    expect(triggerOf("video", "variants")).toBe("wallpaper.poster.ready.v1");
    expect(triggerOf("image", "quality")).toBe("wallpaper.variants.ready.v1");
    expect(triggerOf("video", "color")).toBe("wallpaper.variants.ready.v1");
    expect(triggerOf("image", "classify")).toBe("wallpaper.variants.ready.v1");
  });
});
