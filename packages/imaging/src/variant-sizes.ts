export interface Size {
  width: number;
  height: number;
}

/**
 * Grid thumbnail: covers a 640x360 box (a 320x180 CSS px 16:9 cell at 2x device pixels — the dominant
 * wallpaper aspect and the usual gallery cell) so `object-fit: cover` never upscales, whatever the image's
 * aspect; the long edge is capped at 1280 so a 32:9 panorama or a tall phone wallpaper stays small.
 * Never upscaled.
 */
export const THUMB_BOX: Size = { width: 640, height: 360 };
export const THUMB_MAX_LONG_EDGE = 1280;

/**
 * Medium: fits inside 1170x2532, a phone's screen in device pixels held upright (390x844 CSS px at 3x,
 * the commonest iPhone; a 1080 px Android phone, 412 CSS px at 2.625x, needs 1082): a landscape
 * wallpaper spans the phone's width, a portrait one its height. Chromium takes the first candidate
 * at least as wide as the shown width times the device pixel ratio, so a 1080 px medium would lose a
 * 390 px wide image at 3x (1170 px) to the 2560 px preview. Between the thumb (640 px) and the preview.
 */
export const MEDIUM_BOX: Size = { width: 1170, height: 2532 };

/** Preview: fits inside 2560x1440 (a QHD screen at 1:1, or a 1280x720 CSS lightbox at 2x). Never upscaled. */
export const PREVIEW_BOX: Size = { width: 2560, height: 1440 };

function scaled(size: Size, scale: number): Size {
  const s = Math.min(1, scale);
  return { width: Math.max(1, Math.round(size.width * s)), height: Math.max(1, Math.round(size.height * s)) };
}

export function thumbSize(original: Size): Size {
  const cover = Math.max(THUMB_BOX.width / original.width, THUMB_BOX.height / original.height);
  const cap = THUMB_MAX_LONG_EDGE / Math.max(original.width, original.height);
  return scaled(original, Math.min(cover, cap));
}

export function mediumSize(original: Size): Size {
  return scaled(original, Math.min(MEDIUM_BOX.width / original.width, MEDIUM_BOX.height / original.height));
}

export function previewSize(original: Size): Size {
  return scaled(original, Math.min(PREVIEW_BOX.width / original.width, PREVIEW_BOX.height / original.height));
}

/** Fits inside a square of `edge` px; `enlarge` lets small originals reach the size (normalized analysis). */
export function fitLongEdge(original: Size, edge: number, enlarge = false): Size {
  const scale = edge / Math.max(original.width, original.height);
  if (enlarge) {
    return {
      width: Math.max(1, Math.round(original.width * scale)),
      height: Math.max(1, Math.round(original.height * scale)),
    };
  }
  return scaled(original, scale);
}

/** A ≤edge x edge center crop whose origin sits on the 16 px grid (JPEG blocks and 4:2:0 macroblocks). */
export function centerCrop(original: Size, edge: number): Size & { left: number; top: number } {
  const width = Math.min(edge, original.width);
  const height = Math.min(edge, original.height);
  const left = Math.floor((original.width - width) / 2 / 16) * 16;
  const top = Math.floor((original.height - height) / 2 / 16) * 16;
  return { left, top, width, height };
}
