import { describe, expect, it } from "vitest";
import { clampOffset, fitScale, zoomAround, zoomScale } from "./zoom.ts";

const desktop = { width: 1440, height: 900 };

describe("full-size viewer zoom", () => {
  it("fits a portrait image by its height and an ultra-wide one by its width", () => {
    expect(fitScale({ width: 1080, height: 1920 }, desktop)).toBeCloseTo(900 / 1920);
    expect(fitScale({ width: 5120, height: 1440 }, desktop)).toBeCloseTo(1440 / 5120);
  });

  it("zooms a large image to actual device pixels", () => {
    expect(zoomScale({ width: 5120, height: 1440 }, desktop, 1)).toBe(1);
    expect(zoomScale({ width: 5120, height: 1440 }, desktop, 2)).toBe(0.5);
  });

  it("doubles the fitted size when actual pixels would barely differ from it", () => {
    const phone = { width: 390, height: 844 };
    expect(zoomScale({ width: 1080, height: 1920 }, phone, 3)).toBeCloseTo((390 / 1080) * 2);
    expect(zoomScale({ width: 800, height: 500 }, desktop, 1)).toBeCloseTo((1440 / 800) * 2);
  });

  it("centres an axis the image does not fill and keeps edges on the screen otherwise", () => {
    const image = { width: 5120, height: 1440 };
    expect(clampOffset({ x: 100, y: 0 }, image, 1440 / 5120, desktop)).toEqual({ x: 0, y: (900 - 405) / 2 });
    expect(clampOffset({ x: 100, y: 100 }, image, 1, desktop)).toEqual({ x: 0, y: 0 });
    expect(clampOffset({ x: -9000, y: -9000 }, image, 1, desktop)).toEqual({ x: 1440 - 5120, y: 900 - 1440 });
  });

  it("keeps the point under the pointer in place while zooming", () => {
    const at = { x: 300, y: 200 };
    const offset = zoomAround(at, { x: 100, y: 50 }, 0.5, 1);
    // The image pixel under `at` was (300-100)/0.5 = 400, (200-50)/0.5 = 300; it still is.
    expect((at.x - offset.x) / 1).toBe(400);
    expect((at.y - offset.y) / 1).toBe(300);
  });
});
