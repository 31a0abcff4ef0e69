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
