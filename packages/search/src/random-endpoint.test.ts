import { AppError } from "@wallpaperdb/core/errors";
import { describe, expect, it } from "vitest";
import type { WallpaperCard } from "./backend.ts";
import { bestImageUrl, randomRequestFromParams } from "./random-endpoint.ts";

describe("/api/random parameters", () => {
  it("turns parameters into filters through the query parser", () => {
    const { filters, seed } = randomRequestFromParams(
      new URLSearchParams("atleast=2560x1440&ratios=16x9,21x9&q=nature -city&color=blue&seed=7"),
    );
    expect(filters).toMatchObject({
      atleast: { width: 2560, height: 1440 },
      ratios: ["16:9", "21:9"],
      tags: { all: ["nature"], none: ["city"], any: [] },
      colors: ["#0066cc"],
    });
    expect(seed).toBe(7);
    // purity= narrows within what the requester may see (the viewer scope decides that).
    expect(randomRequestFromParams(new URLSearchParams("purity=sketchy,sfw")).filters.purity).toEqual([
      "sfw",
      "sketchy",
    ]);
  });

  it("rejects unknown parameters, bad values and smuggled terms with validation_failed", () => {
    for (const query of [
      "bogus=sfw",
      "purity=safe",
      "atleast=big",
      "seed=x",
      "ratios=16x9 cat",
      "q=cat OR",
    ]) {
      expect(() => randomRequestFromParams(new URLSearchParams(query)), query).toThrow(AppError);
    }
    try {
      randomRequestFromParams(new URLSearchParams("atleast=big"));
    } catch (error) {
      expect(error).toMatchObject({
        code: "validation_failed",
        details: { errors: [{ code: "invalid_value" }] },
      });
    }
  });

  it("prefers the JPEG preview", () => {
    const variant = (kind: "thumb" | "preview", format: string) => ({
      kind,
      format,
      width: 1,
      height: 1,
      contentHash: `${kind}-${format}`,
      url: `/media/x/${kind}.${format}?v=${kind}-${format}`,
    });
    const card = {
      id: "x",
      variants: [variant("thumb", "jpeg"), variant("preview", "avif"), variant("preview", "jpeg")],
    } as WallpaperCard;
    expect(bestImageUrl(card)).toBe("/media/x/preview.jpeg?v=preview-jpeg");
    expect(bestImageUrl({ ...card, variants: [variant("thumb", "jpeg")] })).toBe(
      "/media/x/thumb.jpeg?v=thumb-jpeg",
    );
    // Only the eager AVIF stored: the JPEG's unversioned URL, which the media route renders once.
    expect(bestImageUrl({ ...card, variants: [variant("thumb", "avif"), variant("preview", "avif")] })).toBe(
      "/media/x/preview.jpeg",
    );
    expect(bestImageUrl({ ...card, variants: [] })).toBeNull();
  });
});
