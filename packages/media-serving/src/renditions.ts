import type { BlobStore } from "@wallpaperdb/storage";
import { recordMediaCache } from "@wallpaperdb/telemetry";
import sharp, { type Sharp } from "sharp";
import { readBlob } from "./blob-response.ts";
import type { ImageFormat, RenditionMode } from "./media-path.ts";
import type { VisibleWallpaper } from "./media-records.ts";
import { singleFlight } from "./single-flight.ts";

export interface RenditionRequest {
  mode: RenditionMode;
  width: number;
  height: number;
  format: ImageFormat;
}

// Bump when the encoder settings change: the key (and ETag) of every cached rendition changes with it.
const RENDER_VERSION = "r1";
const once = singleFlight<{ key: string; created: boolean }>();

export function renditionKey(wallpaperId: string, r: RenditionRequest): string {
  return `renditions/${wallpaperId}/${RENDER_VERSION}/${r.mode}/${r.width}x${r.height}.${r.format}`;
}

export function renditionEtag(wallpaper: VisibleWallpaper, r: RenditionRequest): string {
  return `"${wallpaper.sha256.slice(0, 32)}-${RENDER_VERSION}-${r.mode}-${r.width}x${r.height}-${r.format}"`;
}

/**
 * The output size without ever upscaling: fit keeps the original's aspect inside the box; cover keeps the
 * requested aspect, shrunk as a whole when the original cannot fill the requested size.
 */
export function renditionSize(original: { width: number; height: number }, r: RenditionRequest) {
  if (r.mode === "fit") {
    const scale = Math.min(1, r.width / original.width, r.height / original.height);
    return {
      width: Math.max(1, Math.round(original.width * scale)),
      height: Math.max(1, Math.round(original.height * scale)),
    };
  }
  const scale = Math.min(1, original.width / r.width, original.height / r.height);
  return {
    width: Math.max(1, Math.floor(r.width * scale)),
    height: Math.max(1, Math.floor(r.height * scale)),
  };
}

function encode(image: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case "avif":
      return image.avif({ quality: 55, effort: 1 });
    case "webp":
      return image.webp({ quality: 85, effort: 3, smartSubsample: true });
    case "jpeg":
      return image.jpeg({ quality: 88, progressive: true, optimiseCoding: true });
  }
}

async function render(source: Buffer, size: { width: number; height: number }, r: RenditionRequest) {
  const pipeline = sharp(source, { limitInputPixels: 100_000_000, failOn: "error" })
    .rotate()
    .flatten({ background: "#000000" })
    .toColourspace("srgb")
    .resize(size.width, size.height, {
      fit: r.mode === "cover" ? "cover" : "fill",
      // Attention finds the most salient region (skin, saturation, edges), so a phone crop of a
      // landscape keeps the subject rather than the geometric center.
      position: r.mode === "cover" ? sharp.strategy.attention : undefined,
    });
  return encode(pipeline, r.format).toBuffer();
}

/**
 * Makes sure the rendition exists in the blob store under its deterministic key: the first request
 * renders it (from the original, or a video's poster frame), every later one is a plain file read.
 */
export function ensureRendition(
  blobStore: BlobStore,
  wallpaper: VisibleWallpaper,
  r: RenditionRequest,
): Promise<{ key: string; created: boolean }> {
  const key = renditionKey(wallpaper.id, r);
  return once(key, async () => {
    if (await blobStore.head(key)) {
      recordMediaCache("hit");
      return { key, created: false };
    }
    recordMediaCache("miss");
    const sourceKey = wallpaper.mediaType === "image" ? wallpaper.originalKey : wallpaper.posterKey;
    if (!sourceKey) throw new Error(`wallpaper ${wallpaper.id} has no frame to render from`);
    const data = await render(await readBlob(blobStore, sourceKey), renditionSize(wallpaper, r), r);
    await blobStore.put(key, data, { contentType: `image/${r.format}`, contentLength: data.length });
    return { key, created: true };
  });
}
