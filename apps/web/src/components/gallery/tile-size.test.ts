import { describe, expect, it } from "vitest";
import {
  parseTileSize,
  ROW_HEIGHTS,
  readTileSize,
  TILE_SIZE_COOKIE,
  TILE_SIZES,
  tileSizes,
} from "./tile-size.ts";

describe("tile size", () => {
  it("reads the cookie, and falls back to medium for a missing or unknown value", () => {
    const jar = (value?: string) => ({
      get: (name: string) => (name === TILE_SIZE_COOKIE && value !== undefined ? { value } : undefined),
    });
    expect(readTileSize(jar("small"))).toBe("small");
    expect(readTileSize(jar("large"))).toBe("large");
    expect(readTileSize(jar())).toBe("medium");
    expect(parseTileSize("huge")).toBe("medium");
  });

  it("grows from small to large on both screens", () => {
    const [small, medium, large] = TILE_SIZES.map((size) => ROW_HEIGHTS[size]);
    expect(small?.wide).toBeLessThan(medium?.wide ?? 0);
    expect(medium?.wide).toBeLessThan(large?.wide ?? 0);
    expect(small?.narrow).toBeLessThan(medium?.narrow ?? 0);
    expect(medium?.narrow).toBeLessThan(large?.narrow ?? 0);
  });

  it("gives each tile its width at the row height as `sizes`", () => {
    expect(tileSizes("medium", 1.6)).toBe("(max-width: 640px) 176px, 224px");
    expect(tileSizes("small", 16 / 9)).toBe("(max-width: 640px) 128px, 160px");
    expect(tileSizes("large", 0.5)).toBe("(max-width: 640px) 90px, 100px");
  });
});
