import { describe, expect, it } from "vitest";
import { deriveImageFacts } from "./image-facts.ts";

describe("deriveImageFacts", () => {
  it.each([
    [1920, 1080, "16:9", "landscape", "FHD"],
    [1366, 768, "16:9", "landscape", "HD"],
    [2560, 1600, "16:10", "landscape", "QHD"],
    [3440, 1440, "21:9", "landscape", "QHD"],
    [2560, 1080, "21:9", "landscape", "FHD"],
    [5120, 1440, "32:9", "landscape", "QHD"],
    [3840, 2160, "16:9", "landscape", "4K"],
    [5120, 2880, "16:9", "landscape", "5K"],
    [6016, 3384, "16:9", "landscape", "6K"],
    [7680, 4320, "16:9", "landscape", "8K"],
    [1600, 1200, "4:3", "landscape", "HD"],
    [1280, 1024, "5:4", "landscape", "HD"],
    [3000, 2000, "3:2", "landscape", "QHD"],
    [4096, 4096, "1:1", "square", "4K"],
    [1080, 1920, "9:16", "portrait", "FHD"],
    [1170, 2532, null, "portrait", "FHD"],
    [800, 600, "4:3", "landscape", "SD"],
    [1000, 700, null, "landscape", "SD"],
  ])("%ix%i is %s %s %s", (width, height, aspectName, orientation, resolutionClass) => {
    expect(deriveImageFacts(width, height)).toMatchObject({ aspectName, orientation, resolutionClass });
  });

  it("reports ratio and megapixels", () => {
    expect(deriveImageFacts(3840, 2160)).toMatchObject({ aspectRatio: 1.7778, megapixels: 8.29 });
  });

  it("keeps a cropped 4K in its class but not a much smaller one", () => {
    expect(deriveImageFacts(3800, 2140).resolutionClass).toBe("4K");
    expect(deriveImageFacts(3600, 2025).resolutionClass).toBe("QHD");
  });

  it("refuses impossible sizes", () => {
    expect(() => deriveImageFacts(0, 10)).toThrow(RangeError);
  });
});
