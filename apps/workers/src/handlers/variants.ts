import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import {
  analysisKey,
  enqueueVariantsReady,
  linkNearDuplicates,
  phashChunks,
  phashToBigint,
  upsertFacts,
  upsertVariants,
  variantKey,
} from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { readBlob, removeWallpaperBlobs } from "../adapters/blobs.ts";
import {
  computeNearDuplicateSignature,
  encodeAnalysis,
  releaseAnalysis,
  releaseBuffers,
  renderImageDerivatives,
} from "../adapters/imaging.ts";
import { contentTypeOf } from "../pipeline/content-types.ts";
import { runStep, type StepDeps } from "../pipeline/run-step.ts";

export interface VariantsDeps extends StepDeps {
  blobStore: BlobStore;
}

/**
 * One decode of the source (the original image, or a video's poster frame) gives the variants, the
 * placeholder, the facts and the perceptual hash; the small encoded analysis is stored for the
 * quality and color steps so they never decode the original again.
 */
async function renderVariants(
  deps: VariantsDeps,
  wallpaperId: string,
  sourceKey: string,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  return runStep(
    deps,
    wallpaperId,
    "variants",
    ctx,
    async () => {
      const source = await readBlob(deps.blobStore, sourceKey);
      const rendered = await renderImageDerivatives(source);
      // Freed as soon as each is stored: the worker's peak RSS follows the images in flight, not V8's GC.
      releaseBuffers([source]);
      // The whole-picture crop hash is the pHash that `wallpaper.similar` compares (facts.phash).
      const signature = computeNearDuplicateSignature(rendered.analysis);
      const phash = phashToBigint(signature[0]?.hash ?? "");
      const rows = await Promise.all(
        rendered.variants.map(async (variant) => {
          const storageKey = variantKey(wallpaperId, variant.kind, variant.format);
          await deps.blobStore.put(storageKey, variant.data, {
            contentType: contentTypeOf(variant.format),
            contentLength: variant.data.length,
          });
          const { kind, format, width, height, contentHash } = variant;
          return { kind, format, width, height, contentHash, storageKey, sizeBytes: variant.data.length };
        }),
      );
      releaseBuffers(rendered.variants.map((variant) => variant.data));
      const analysis = encodeAnalysis(rendered.analysis);
      releaseAnalysis(rendered.analysis);
      const key = analysisKey(wallpaperId);
      await deps.blobStore.put(key, analysis, { contentType: "application/octet-stream" });
      releaseBuffers([analysis]);
      const [phash0, phash1, phash2, phash3] = phashChunks(phash);
      return async (tx) => {
        await upsertVariants(tx, wallpaperId, rows);
        const { aspectRatio, aspectName, orientation, megapixels, resolutionClass } = rendered.facts;
        await upsertFacts(tx, wallpaperId, {
          aspectRatio,
          aspectName,
          orientation,
          megapixels,
          resolutionClass,
          thumbhash: rendered.thumbhash,
          analysisKey: key,
          phash,
          phash0,
          phash1,
          phash2,
          phash3,
        });
        await linkNearDuplicates(tx, wallpaperId, signature);
        await enqueueVariantsReady(tx, wallpaperId);
      };
    },
    () => removeWallpaperBlobs(deps.blobStore, wallpaperId),
  );
}

/** Images: variants straight from the original. Videos wait for their poster frame. */
export async function handleUploadedVariants(
  deps: VariantsDeps,
  event: EventEnvelope<"wallpaper.uploaded.v1">,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  if (event.data.mediaType !== "image") return { status: "skipped", reason: "videos use their poster frame" };
  return renderVariants(deps, event.data.wallpaperId, event.data.originalKey, ctx);
}

export async function handlePosterReadyVariants(
  deps: VariantsDeps,
  event: EventEnvelope<"wallpaper.poster.ready.v1">,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  return renderVariants(deps, event.data.wallpaperId, event.data.posterKey, ctx);
}
