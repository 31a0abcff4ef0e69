import { describe, expect, it } from "vitest";
import { wallhavenCollection, wallhavenSettings } from "./account-shapes.ts";
import { listingItem, pageMeta, wallhavenDate, wallhavenRatio, wallhavenTag } from "./shapes.ts";

describe("wallhaven shapes", () => {
  it("writes dates and ratios as wallhaven does", () => {
    expect(wallhavenDate(new Date("2018-10-31T01:23:10.456Z"))).toBe("2018-10-31 01:23:10");
    expect(wallhavenRatio(1920, 1080)).toBe("1.78");
    expect(wallhavenRatio(6742, 3534)).toBe("1.91");
    expect(wallhavenRatio(1200, 1200)).toBe("1");
  });

  it("makes a listing item with absolute URLs on our media routes", () => {
    const id = "0b0e8d2c-6f53-4c43-9d7e-2d0d5f1b4b11";
    const item = listingItem(
      {
        id,
        width: 2560,
        height: 1440,
        purity: "sketchy",
        viewCount: 12,
        favoriteCount: 3,
        colors: ["#000000", "#abbcda"],
        createdAt: new Date("2026-01-02T03:04:05Z"),
        sizeBytes: 5070446,
        mimeType: "image/jpeg",
      },
      "https://walls.example",
    );
    expect(item).toEqual({
      id,
      url: `https://walls.example/wallpapers/${id}`,
      short_url: `https://walls.example/wallpapers/${id}`,
      views: 12,
      favorites: 3,
      source: "",
      purity: "sketchy",
      category: "general",
      dimension_x: 2560,
      dimension_y: 1440,
      resolution: "2560x1440",
      ratio: "1.78",
      file_size: 5070446,
      file_type: "image/jpeg",
      created_at: "2026-01-02 03:04:05",
      colors: ["#000000", "#abbcda"],
      path: `https://walls.example/media/${id}/original`,
      thumbs: {
        large: `https://walls.example/media/${id}/medium.jpeg`,
        original: `https://walls.example/media/${id}/preview.jpeg`,
        small: `https://walls.example/media/${id}/thumb.jpeg`,
      },
    });
  });

  it("numbers tag categories from 1 and joins aliases", () => {
    const tag = wallhavenTag({
      id: 7,
      name: "cat",
      category: "subject",
      aliases: ["kitty", "neko"],
      createdAt: new Date("2026-01-02T00:00:00Z"),
    });
    expect(tag).toEqual({
      id: 7,
      name: "cat",
      alias: "kitty, neko",
      category_id: 2,
      category: "Subject",
      purity: "sfw",
      created_at: "2026-01-02 00:00:00",
    });
  });

  it("counts pages, at least one", () => {
    expect(pageMeta(1, 24, 0)).toEqual({ current_page: 1, last_page: 1, per_page: 24, total: 0 });
    expect(pageMeta(2, 24, 49, { query: "cat", seed: null })).toMatchObject({
      last_page: 3,
      query: "cat",
      seed: null,
    });
  });

  it("shapes settings and collections with wallhaven's field names", () => {
    expect(
      wallhavenSettings({
        purities: ["sfw", "sketchy"],
        blacklist: [{ name: "dog" }],
        ratios: ["16:9"],
        tileSize: "medium",
      }),
    ).toEqual({
      thumb_size: "lg",
      per_page: "24",
      purity: ["sfw", "sketchy"],
      categories: ["general"],
      resolutions: [],
      aspect_ratios: ["16x9"],
      toplist_range: "1M",
      tag_blacklist: ["dog"],
      user_blacklist: [],
    });
    expect(wallhavenCollection({ id: "c", name: "Default", isPublic: true, itemCount: 10 })).toEqual({
      id: "c",
      label: "Default",
      views: 0,
      public: 1,
      count: 10,
    });
  });
});
