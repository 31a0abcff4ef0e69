/** Sizes and points in CSS pixels; `scale` is CSS pixels per image pixel. */
export interface Size {
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

/** The scale that shows the whole image on the screen (smaller images are enlarged to fill it). */
export function fitScale(image: Size, screen: Size): number {
  return Math.min(screen.width / image.width, screen.height / image.height);
}

/**
 * The zoomed scale: actual pixels (one image pixel per device pixel). When the image is not much larger
 * than the screen, actual pixels would barely change the view, so it doubles the fitted size instead.
 */
export function zoomScale(image: Size, screen: Size, devicePixelRatio: number): number {
  const fit = fitScale(image, screen);
  const actual = 1 / devicePixelRatio;
  return actual > fit * 1.25 ? actual : fit * 2;
}

/** The image's top-left corner kept in bounds: centred on an axis it does not fill, never showing an edge gap otherwise. */
export function clampOffset(offset: Point, image: Size, scale: number, screen: Size): Point {
  const axis = (value: number, length: number, room: number) =>
    length <= room ? (room - length) / 2 : Math.min(0, Math.max(room - length, value));
  return {
    x: axis(offset.x, image.width * scale, screen.width),
    y: axis(offset.y, image.height * scale, screen.height),
  };
}

/** The offset after changing scale so that the image point under `at` stays under it. */
export function zoomAround(at: Point, offset: Point, from: number, to: number): Point {
  return { x: at.x - ((at.x - offset.x) * to) / from, y: at.y - ((at.y - offset.y) * to) / from };
}

/** A scale and where the image's top-left corner is on the screen. */
export interface View {
  scale: number;
  offset: Point;
}

/** The most it zooms: four actual pixels per device pixel, or four times the fitted size for small images. */
export function maxScale(image: Size, screen: Size, devicePixelRatio: number): number {
  return Math.max(4 / devicePixelRatio, fitScale(image, screen) * 4);
}

/** Never smaller than fitted (the whole image), never larger than `maxScale`. */
export function clampScale(scale: number, image: Size, screen: Size, devicePixelRatio: number): number {
  return Math.min(maxScale(image, screen, devicePixelRatio), Math.max(fitScale(image, screen), scale));
}

/** Larger than fitted: the image can be moved, and the original is worth loading. */
export function isZoomed(scale: number, image: Size, screen: Size): boolean {
  return scale > fitScale(image, screen) * 1.01;
}

/** The view at scale `to` (clamped) with the image point under `at` kept under it, edges kept in bounds. */
export function zoomViewAround(
  view: View,
  to: number,
  at: Point,
  image: Size,
  screen: Size,
  devicePixelRatio: number,
): View {
  const scale = clampScale(to, image, screen, devicePixelRatio);
  return { scale, offset: clampOffset(zoomAround(at, view.offset, view.scale, scale), image, scale, screen) };
}

/**
 * The scale factor of one wheel event: exponential, so a notch zooms by the same ratio at any scale, and
 * a trackpad's many small deltas add up to the same as a mouse's few large ones. `deltaMode` 1 counts
 * lines and 2 pages (Firefox), turned into pixels first; one event never more than doubles or halves.
 */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaY * (deltaMode === 1 ? 16 : deltaMode === 2 ? 400 : 1);
  return Math.exp(Math.max(-0.7, Math.min(0.7, -pixels * 0.002)));
}

/** Two fingers: the scale follows their distance, and the image point under their midpoint follows it. */
export function pinchView(
  start: View,
  from: { mid: Point; distance: number },
  to: { mid: Point; distance: number },
  image: Size,
  screen: Size,
  devicePixelRatio: number,
): View {
  const scale = clampScale((start.scale * to.distance) / from.distance, image, screen, devicePixelRatio);
  const offset = {
    x: to.mid.x - ((from.mid.x - start.offset.x) * scale) / start.scale,
    y: to.mid.y - ((from.mid.y - start.offset.y) * scale) / start.scale,
  };
  return { scale, offset: clampOffset(offset, image, scale, screen) };
}
