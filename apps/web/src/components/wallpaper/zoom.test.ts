import { describe, expect, it } from "vitest";
import {
  clampOffset,
  clampScale,
  fitScale,
  isZoomed,
  pinchView,
  wheelFactor,
  zoomAround,
  zoomScale,
  zoomViewAround,
} from "./zoom.ts";

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

describe("wheel and pinch zoom", () => {
  const image = { width: 5120, height: 1440 };
  const fit = 1440 / 5120;

  it("zooms by the same ratio per notch, in for a wheel up and out for a wheel down", () => {
    expect(wheelFactor(-100, 0)).toBeCloseTo(Math.exp(0.2));
    expect(wheelFactor(100, 0) * wheelFactor(-100, 0)).toBeCloseTo(1);
    // Three lines (Firefox) are about one 48-pixel notch.
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48, 0));
    expect(wheelFactor(-10_000, 0)).toBeCloseTo(Math.exp(0.7));
  });

  it("never zooms out past fitted nor in past four actual pixels", () => {
    expect(clampScale(0.01, image, desktop, 1)).toBeCloseTo(fit);
    expect(clampScale(100, image, desktop, 1)).toBe(4);
    expect(clampScale(100, image, desktop, 2)).toBe(2);
    expect(isZoomed(fit, image, desktop)).toBe(false);
    expect(isZoomed(fit * 1.5, image, desktop)).toBe(true);
  });

  it("keeps the image point under the wheel pointer in place", () => {
    const start = { scale: 1, offset: { x: -1000, y: -200 } };
    const at = { x: 700, y: 400 };
    const view = zoomViewAround(start, 2, at, image, desktop, 1);
    expect(view.scale).toBe(2);
    expect((at.x - view.offset.x) / view.scale).toBeCloseTo((at.x - start.offset.x) / start.scale);
    expect((at.y - view.offset.y) / view.scale).toBeCloseTo((at.y - start.offset.y) / start.scale);
  });

  it("scales with the fingers' distance and keeps the pinched point between them", () => {
    const start = { scale: 1, offset: { x: -1000, y: -200 } };
    const from = { mid: { x: 600, y: 400 }, distance: 100 };
    const to = { mid: { x: 650, y: 420 }, distance: 150 };
    const view = pinchView(start, from, to, image, desktop, 1);
    expect(view.scale).toBeCloseTo(1.5);
    // The image pixel that was under the midpoint is under the new midpoint.
    expect((to.mid.x - view.offset.x) / view.scale).toBeCloseTo((from.mid.x - start.offset.x) / start.scale);
    expect((to.mid.y - view.offset.y) / view.scale).toBeCloseTo((from.mid.y - start.offset.y) / start.scale);
  });
});
