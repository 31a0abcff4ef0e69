import { describe, expect, it } from "vitest";
import { IMAGE_VARIANT_KINDS, isImageFormat, isImageVariantKind, variantSize } from "./variant-kinds.ts";

const sizes = (width: number, height: number) =>
  Object.fromEntries(IMAGE_VARIANT_KINDS.map((kind) => [kind, variantSize[kind]({ width, height })]));

describe("variant sizes per kind", () => {
  it("gives a 4K landscape a phone-wide (1170 px) medium between the thumb and the preview", () => {
    expect(sizes(3840, 2160)).toEqual({
      thumb: { width: 640, height: 360 },
      medium: { width: 1170, height: 658 },
      preview: { width: 2560, height: 1440 },
    });
  });

  it("fits a portrait wallpaper's medium to an upright 1170x2532 phone screen", () => {
    expect(sizes(1440, 2560).medium).toEqual({ width: 1170, height: 2080 });
    expect(sizes(2160, 3840).medium).toEqual({ width: 1170, height: 2080 });
    expect(sizes(1170, 3000).medium).toEqual({ width: 987, height: 2532 });
    expect(sizes(1080, 1920).medium).toEqual({ width: 1080, height: 1920 });
    expect(sizes(4096, 4096).medium).toEqual({ width: 1170, height: 1170 });
  });

  it("never upscales a small original (the thumb still covers 640x360)", () => {
    expect(sizes(800, 600)).toEqual({
      thumb: { width: 640, height: 480 },
      medium: { width: 800, height: 600 },
      preview: { width: 800, height: 600 },
    });
  });

  it("lists the kinds smallest first and recognizes kinds and formats", () => {
    expect(IMAGE_VARIANT_KINDS).toEqual(["thumb", "medium", "preview"]);
    expect(isImageVariantKind("medium")).toBe(true);
    expect(isImageVariantKind("clip")).toBe(false);
    expect(isImageFormat("jpeg")).toBe(true);
    expect(isImageFormat("mp4")).toBe(false);
  });
});
