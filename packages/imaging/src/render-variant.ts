import { createHash } from "node:crypto";
import { configureSharp } from "@wallpaperdb/media";
import sharp from "sharp";
import {
  encoderFor,
  type RenderedVariant,
  type VariantFormat,
  type VariantKind,
} from "./render-derivatives.ts";
import { variantSize } from "./variant-kinds.ts";

export interface RenderVariantOptions {
  /** Refuse sources with more pixels than this before decoding (default 100 MP, as media's MAX_IMAGE_PIXELS). */
  maxPixels?: number;
  avifEffort?: number;
}

/**
 * One variant on demand (a format the pipeline does not store, which the media route renders on its
 * first request), with the same size, color handling and encoder settings as `renderImageDerivatives`,
 * so the lazy file matches what an eager render would have stored. libvips streams the resize (shrink-on-load for JPEG), so this never
 * holds the full decoded original.
 */
export async function renderVariant(
  input: string | Buffer,
  kind: VariantKind,
  format: VariantFormat,
  options: RenderVariantOptions = {},
): Promise<RenderedVariant> {
  configureSharp();
  const limits = { limitInputPixels: options.maxPixels ?? 100_000_000, failOn: "error" as const };
  const meta = await sharp(input, limits).metadata();
  const original = {
    width: meta.autoOrient?.width ?? meta.width ?? 0,
    height: meta.autoOrient?.height ?? meta.height ?? 0,
  };
  if (original.width === 0 || original.height === 0) throw new Error("The image has no dimensions.");
  const size = variantSize[kind](original);
  const pipeline = sharp(input, limits)
    .rotate()
    .flatten({ background: "#000000" })
    .toColourspace("srgb")
    .resize(size.width, size.height, { fit: "fill" });
  const data = await encoderFor(
    format,
    options.avifEffort ?? 0,
    size.width * size.height,
  )(pipeline).toBuffer();
  const contentHash = createHash("sha256").update(data).digest("hex");
  return { kind, format, width: size.width, height: size.height, data, contentHash };
}
