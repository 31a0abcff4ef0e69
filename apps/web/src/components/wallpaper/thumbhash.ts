import { thumbHashToDataURL } from "thumbhash";

const cache = new Map<string, string>();

/** The stored base64 ThumbHash as a tiny PNG data URL: the blurred placeholder behind a loading image. */
export function thumbhashDataUrl(base64: string | null): string | undefined {
  if (!base64) return undefined;
  const cached = cache.get(base64);
  if (cached) return cached;
  try {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const url = thumbHashToDataURL(bytes);
    if (cache.size > 2000) cache.clear();
    cache.set(base64, url);
    return url;
  } catch {
    // A malformed hash only costs the placeholder; the tile still shows its dominant color.
    return undefined;
  }
}
