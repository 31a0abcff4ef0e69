/**
 * The rendition sizes the media route accepts: common screens from phones to 8K. A closed list keeps
 * the blob cache bounded (every size is rendered at most once per wallpaper, mode and format) and turns
 * an absurd request into a clear error instead of a 100-megapixel encode. Pure: the browser imports it
 * to snap "my screen size" to an allowed rendition.
 */
export interface ScreenSize {
  width: number;
  height: number;
  label: string;
}

const landscape: [number, number, string][] = [
  [1280, 720, "HD"],
  [1366, 768, "WXGA"],
  [1440, 900, "WXGA+"],
  [1536, 864, "Laptop"],
  [1600, 900, "HD+"],
  [1680, 1050, "WSXGA+"],
  [1920, 1080, "Full HD"],
  [1920, 1200, "WUXGA"],
  [2048, 1152, "QWXGA"],
  [2160, 1440, "3:2 laptop"],
  [2256, 1504, "3:2 laptop"],
  [2560, 1080, "UW-FHD"],
  [2560, 1440, "QHD"],
  [2560, 1600, "WQXGA"],
  [2736, 1824, "3:2 tablet"],
  [2880, 1800, "Retina 15"],
  [3024, 1964, "Retina 14"],
  [3440, 1440, "UW-QHD"],
  [3456, 2234, "Retina 16"],
  [3840, 1600, "UW-4K"],
  [3840, 2160, "4K UHD"],
  [5120, 1440, "Super-UW"],
  [5120, 2160, "5K2K"],
  [5120, 2880, "5K"],
  [6016, 3384, "6K"],
  [7680, 4320, "8K UHD"],
];

const portrait: [number, number, string][] = [
  [750, 1334, "Phone"],
  [828, 1792, "Phone"],
  [1080, 1920, "Phone FHD"],
  [1080, 2340, "Phone"],
  [1080, 2400, "Phone"],
  [1170, 2532, "Phone"],
  [1179, 2556, "Phone"],
  [1284, 2778, "Phone"],
  [1290, 2796, "Phone"],
  [1440, 2560, "Phone QHD"],
  [1440, 3200, "Phone"],
  [1536, 2048, "Tablet"],
  [1620, 2160, "Tablet"],
  [1640, 2360, "Tablet"],
  [2048, 2732, "Tablet"],
];

export const SCREEN_SIZES: readonly ScreenSize[] = [...landscape, ...portrait].map(
  ([width, height, label]) => ({
    width,
    height,
    label,
  }),
);

/** The largest edge any rendition may have (8K). */
export const MAX_RENDITION_EDGE = 7680;

export function isAllowedSize(width: number, height: number): boolean {
  return SCREEN_SIZES.some((size) => size.width === width && size.height === height);
}

/**
 * The allowed size for a screen measured in device pixels: the exact size when listed, otherwise the
 * closest aspect ratio, and among those the smallest one that still covers the screen (else the largest).
 */
export function snapToScreenSize(width: number, height: number): ScreenSize {
  const exact = SCREEN_SIZES.find((size) => size.width === width && size.height === height);
  if (exact) return exact;
  const ratio = width / height;
  const distance = (size: ScreenSize) => Math.abs(Math.log(size.width / size.height / ratio));
  const best = Math.min(...SCREEN_SIZES.map(distance));
  const sameShape = SCREEN_SIZES.filter((size) => distance(size) - best < 0.02).sort(
    (a, b) => a.width * a.height - b.width * b.height,
  );
  const covering = sameShape.find((size) => size.width >= width && size.height >= height);
  return covering ?? (sameShape.at(-1) as ScreenSize);
}

/** Listed sizes an original can fill without upscaling (cover or fit alike), largest first. */
export function sizesWithin(original: { width: number; height: number }): ScreenSize[] {
  return SCREEN_SIZES.filter((size) => size.width <= original.width && size.height <= original.height).sort(
    (a, b) => b.width * b.height - a.width * a.height,
  );
}
