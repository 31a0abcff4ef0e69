import { AppError, problemResponse } from "@wallpaperdb/core/errors";
import type { Logger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import { IMAGE_FORMATS, isImageFormat, isImageVariantKind } from "@wallpaperdb/imaging/variant-kinds";
import type { BlobStore } from "@wallpaperdb/storage";
import { variantUrl } from "@wallpaperdb/wallpapers";
import { answerWithBlob, IMMUTABLE } from "./blob-response.ts";
import { attachmentDisposition, extensionFor, negotiateImageFormat, safeBaseName } from "./http-rules.ts";
import { SANDBOX, serveImmutableVariant } from "./immutable-variant.ts";
import { ensureLazyVariant } from "./lazy-variant.ts";
import { applyAudience, loadServableWallpaper, type ViewerResolver } from "./media-access.ts";
import {
  contentTypes,
  type ImageVariantKind,
  type MediaTarget,
  parseMediaPath,
  parseWallpaperId,
  type VariantFormat,
} from "./media-path.ts";
import { loadVariants, type VariantRecord, type VisibleWallpaper } from "./media-records.ts";
import { ensureRendition, renditionEtag } from "./renditions.ts";
import { sharedVariantCache, type VariantCache } from "./variant-cache.ts";

export interface MediaDeps {
  db: Database;
  blobStore: BlobStore;
  logger: Logger;
  /** The pixel cap for lazily rendered variants' source decode (media's MAX_IMAGE_PIXELS; default 100 MP). */
  maxPixels?: number;
  /** Versioned-variant lookups (variant-cache.ts); the process-wide one when absent, none when null. */
  variantCache?: VariantCache | null;
}

// Negotiated URLs have no version in them, so caches may keep them only briefly.
const NEGOTIATED_CACHE = "public, max-age=3600";
const RENDITION_CACHE = "public, max-age=604800";

function notFound(reason: string): AppError {
  return new AppError("not_found", "No such media.", { reason });
}

async function findVariant(
  deps: MediaDeps,
  wallpaper: VisibleWallpaper,
  kind: string,
  format: VariantFormat,
): Promise<VariantRecord> {
  const stored = await loadVariants(deps.db, wallpaper.id, kind);
  const found = stored.find((variant) => variant.format === format);
  if (found) return found;
  // An image kind the wallpaper has, in a format the pipeline left to the first request (lazy-variant.ts).
  if (isImageVariantKind(kind) && isImageFormat(format) && stored.length > 0) {
    return ensureLazyVariant(deps, wallpaper, kind, format);
  }
  throw notFound("variant_not_found");
}

async function serveVariant(
  deps: MediaDeps,
  request: Request,
  wallpaper: VisibleWallpaper,
  target: Extract<MediaTarget, { type: "variant" }>,
): Promise<Response> {
  const variant = await findVariant(deps, wallpaper, target.kind, target.format);
  const version = new URL(request.url).searchParams.get("v");
  if (version !== variant.contentHash) {
    // Old links (the variant was re-rendered) and unversioned ones land on the current immutable URL.
    return new Response(null, {
      status: 302,
      headers: {
        location: variantUrl(wallpaper.id, target.kind, target.format, variant.contentHash),
        "cache-control": "no-store",
      },
    });
  }
  return answerWithBlob(deps.blobStore, request, {
    key: variant.storageKey,
    etag: `"${variant.contentHash}"`,
    contentType: contentTypes[target.format],
    cacheControl: IMMUTABLE,
    headers: SANDBOX,
  });
}

async function serveNegotiated(
  deps: MediaDeps,
  request: Request,
  wallpaper: VisibleWallpaper,
  kind: ImageVariantKind,
): Promise<Response> {
  const stored = await loadVariants(deps.db, wallpaper.id, kind);
  if (stored.length === 0) throw notFound("variant_not_found");
  // Every format of a kind the wallpaper has can be served: the ones not stored are rendered lazily.
  const format = negotiateImageFormat(request.headers.get("accept"), IMAGE_FORMATS);
  const variant = await findVariant(deps, wallpaper, kind, format);
  return answerWithBlob(deps.blobStore, request, {
    key: variant.storageKey,
    etag: `"${variant.contentHash}"`,
    contentType: contentTypes[format],
    cacheControl: NEGOTIATED_CACHE,
    headers: { ...SANDBOX, vary: "Accept" },
  });
}

function downloadName(wallpaper: VisibleWallpaper, suffix: string, extension: string): string {
  return `${safeBaseName(wallpaper.originalFilename, `wallpaper-${wallpaper.id.slice(0, 8)}`)}${suffix}.${extension}`;
}

function serveOriginal(deps: MediaDeps, request: Request, wallpaper: VisibleWallpaper): Promise<Response> {
  return answerWithBlob(deps.blobStore, request, {
    key: wallpaper.originalKey,
    etag: `"${wallpaper.sha256}"`,
    // The type the bytes were sniffed as at ingest, never what the uploader's browser claimed.
    contentType: wallpaper.mimeType,
    // An id always names the same bytes (the SHA-256 is fixed at ingest).
    cacheControl: IMMUTABLE,
    headers: {
      ...SANDBOX,
      "content-disposition": attachmentDisposition(
        downloadName(wallpaper, "", extensionFor(wallpaper.mimeType)),
      ),
    },
  });
}

async function serveRendition(
  deps: MediaDeps,
  request: Request,
  wallpaper: VisibleWallpaper,
  target: Extract<MediaTarget, { type: "rendition" }>,
): Promise<Response> {
  const extension = target.format === "jpeg" ? "jpg" : target.format;
  const download = new URL(request.url).searchParams.has("download");
  const { key, created } = await ensureRendition(deps.blobStore, wallpaper, target);
  return answerWithBlob(deps.blobStore, request, {
    key,
    etag: renditionEtag(wallpaper, target),
    contentType: contentTypes[target.format],
    cacheControl: RENDITION_CACHE,
    headers: {
      ...SANDBOX,
      "x-media-cache": created ? "miss" : "hit",
      ...(download
        ? {
            "content-disposition": attachmentDisposition(
              downloadName(wallpaper, `-${target.width}x${target.height}`, extension),
            ),
          }
        : {}),
    },
  });
}

function serveTarget(
  deps: MediaDeps,
  request: Request,
  wallpaper: VisibleWallpaper,
  target: MediaTarget,
): Promise<Response> {
  switch (target.type) {
    case "variant":
      return serveVariant(deps, request, wallpaper, target);
    case "negotiated":
      return serveNegotiated(deps, request, wallpaper, target.kind);
    case "original":
      return serveOriginal(deps, request, wallpaper);
    case "rendition":
      return serveRendition(deps, request, wallpaper, target);
  }
}

/**
 * Everything under `/media/<id>/…`; errors become problem+json with stable codes. `resolveViewer` (the
 * session or API key of the request) is asked only for a held or rejected wallpaper, whose media its
 * uploader and curators may see (see media-access.ts); without it such wallpapers are 404 to everyone.
 */
export async function handleMediaRequest(
  deps: MediaDeps,
  request: Request,
  rawId: string,
  segments: readonly string[],
  resolveViewer?: ViewerResolver,
): Promise<Response> {
  try {
    const target = parseMediaPath(segments);
    const id = parseWallpaperId(rawId);
    // A content-hashed variant of a public wallpaper: one cached lookup (immutable-variant.ts). Anything
    // else, hidden wallpapers included, takes the general path with its audience rule.
    const version = target.type === "variant" ? new URL(request.url).searchParams.get("v") : null;
    if (target.type === "variant" && version) {
      const cache = deps.variantCache === undefined ? sharedVariantCache : deps.variantCache;
      const fast = await serveImmutableVariant({ ...deps, cache }, request, id, target, version);
      if (fast) return fast;
    }
    const found = await loadServableWallpaper(deps.db, id, resolveViewer);
    if (!found) throw notFound("wallpaper_not_found");
    return applyAudience(await serveTarget(deps, request, found.wallpaper, target), found.audience);
  } catch (error) {
    const path = new URL(request.url).pathname;
    if (!(error instanceof AppError)) deps.logger.error({ err: error, path }, "media request failed");
    return problemResponse(error, path, { "x-content-type-options": "nosniff" });
  }
}
