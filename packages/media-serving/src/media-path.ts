import { AppError } from "@wallpaperdb/core/errors";
import {
  IMAGE_FORMATS,
  IMAGE_VARIANT_KINDS,
  type ImageFormat,
  type ImageVariantKind,
  isImageVariantKind,
} from "@wallpaperdb/imaging/variant-kinds";
import { isAllowedSize, MAX_RENDITION_EDGE } from "./screen-sizes.ts";

export type { ImageFormat, ImageVariantKind };
export type VariantKind = ImageVariantKind | "clip";
export type VariantFormat = ImageFormat | "mp4";
export type RenditionMode = "fit" | "cover";

/** What a `/media/<id>/…` path asks for, parsed before anything is read. */
export type MediaTarget =
  | { type: "variant"; kind: VariantKind; format: VariantFormat }
  | { type: "negotiated"; kind: ImageVariantKind }
  | { type: "original" }
  | { type: "rendition"; mode: RenditionMode; width: number; height: number; format: ImageFormat };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VARIANT_NAME = new RegExp(`^(${[...IMAGE_VARIANT_KINDS, "clip"].join("|")})\\.(avif|webp|jpeg|mp4)$`);

export const contentTypes: Record<VariantFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  mp4: "video/mp4",
};

function notFound(reason: string, path: string): AppError {
  return new AppError("not_found", "No such media.", { reason, path });
}

export function parseWallpaperId(id: string): string {
  const lower = id.toLowerCase();
  if (!UUID.test(lower)) throw notFound("invalid_wallpaper_id", id);
  return lower;
}

function parseVariant(name: string, path: string): MediaTarget {
  if (isImageVariantKind(name)) return { type: "negotiated", kind: name };
  if (name === "original") return { type: "original" };
  const match = VARIANT_NAME.exec(name);
  if (!match) throw notFound("unknown_media_path", path);
  const kind = match[1] as VariantKind;
  const format = match[2] as VariantFormat;
  // A clip is only ever MP4, and an MP4 only ever a clip.
  if ((kind === "clip") !== (format === "mp4")) throw notFound("unknown_media_path", path);
  return { type: "variant", kind, format };
}

function parseRendition(mode: RenditionMode, name: string, path: string): MediaTarget {
  const match = /^(\d{1,5})x(\d{1,5})\.([a-z]+)$/.exec(name);
  if (!match) throw notFound("unknown_media_path", path);
  const width = Number(match[1]);
  const height = Number(match[2]);
  const format = match[3] as string;
  if (!(IMAGE_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("bad_request", "Renditions are AVIF, WebP or JPEG.", {
      reason: "unsupported_rendition_format",
      format,
      allowed: IMAGE_FORMATS,
    });
  }
  if (!isAllowedSize(width, height)) {
    throw new AppError("bad_request", `${width}x${height} is not one of the rendition sizes.`, {
      reason: "unsupported_rendition_size",
      width,
      height,
      maxEdge: MAX_RENDITION_EDGE,
    });
  }
  return { type: "rendition", mode, width, height, format: format as ImageFormat };
}

/** `segments` is what follows `/media/<id>/`: `["thumb.avif"]`, `["original"]`, `["fit", "2560x1440.webp"]`. */
export function parseMediaPath(segments: readonly string[]): MediaTarget {
  const path = segments.join("/");
  const [first, second, ...rest] = segments;
  if (first === undefined || rest.length > 0) throw notFound("unknown_media_path", path);
  if (second === undefined) return parseVariant(first, path);
  if (first === "fit" || first === "cover") return parseRendition(first, second, path);
  throw notFound("unknown_media_path", path);
}
