import { extname } from "node:path";

/** Extensions worth sending; the server still decides from the bytes, this only skips obvious noise. */
export const wallpaperExtensions: ReadonlySet<string> = new Set([
  ".jpg",
  ".jpeg",
  ".png",
  ".webp",
  ".avif",
  ".heic",
  ".heif",
  ".gif",
  ".mp4",
  ".webm",
  ".mov",
]);

const mimeByExtension: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".heic": "image/heic",
  ".heif": "image/heif",
  ".gif": "image/gif",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mov": "video/quicktime",
};

export function isWallpaperFile(name: string): boolean {
  return wallpaperExtensions.has(extname(name).toLowerCase());
}

/** A hint only: the server establishes the real type from the bytes. */
export function guessMimeType(name: string): string | undefined {
  return mimeByExtension[extname(name).toLowerCase()];
}
