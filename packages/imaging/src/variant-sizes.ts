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
 * Medium: fits inside 1080x1920, a phone's screen in device pixels (390 CSS px at 2.75x ≈ 1072 px) held
 * upright: a landscape wallpaper is 1080 px wide across the phone, a portrait one fills its height.
 * Between the thumb (640 px) and the preview (2560 px), so a phone never has to take the preview.
 */
export const MEDIUM_BOX: Size = { width: 1080, height: 1920 };

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
