import { createHash } from "node:crypto";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import type { MediaLimits } from "@wallpaperdb/media";
import {
  enqueuePosterReady,
  posterKey,
  upsertFacts,
  upsertVariants,
  variantKey,
} from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { removeWallpaperBlobs, withLocalCopy } from "../adapters/blobs.ts";
import { extractPosterFrame, makePreviewClip, probeVideo } from "../adapters/imaging.ts";
import { contentTypeOf } from "../pipeline/content-types.ts";
import { runStep, type StepDeps } from "../pipeline/run-step.ts";

export interface PosterDeps extends StepDeps {
  blobStore: BlobStore;
  mediaLimits: MediaLimits;
}

/**
 * Videos: ffprobe facts, a poster frame from well into the clip and a short muted preview clip. The
 * poster then goes through the same image steps as an original (`wallpaper.poster.ready.v1`).
 */
export async function handleUploadedPoster(
  deps: PosterDeps,
  event: EventEnvelope<"wallpaper.uploaded.v1">,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const { wallpaperId, mediaType, originalKey } = event.data;
  if (mediaType !== "video") return { status: "skipped", reason: "images need no poster" };
  return runStep(
    deps,
    wallpaperId,
    "poster",
    ctx,
    async () => {
      const timeoutMs = deps.mediaLimits.ffprobeTimeoutMs * 4;
      const made = await withLocalCopy(deps.blobStore, originalKey, async (path) => {
        const probe = await probeVideo(path, deps.mediaLimits);
        const options = { durationMs: probe.durationMs, timeoutMs, format: probe.format };
        const poster = await extractPosterFrame(path, options);
        const clip = await makePreviewClip(path, options);
        return { probe, poster, clip };
      });
      const poster = posterKey(wallpaperId);
      const clipKey = variantKey(wallpaperId, "clip", made.clip.format);
      await deps.blobStore.put(poster, made.poster, { contentType: contentTypeOf("png") });
      await deps.blobStore.put(clipKey, made.clip.data, { contentType: contentTypeOf(made.clip.format) });
      const clipRow = {
        kind: "clip",
        format: made.clip.format,
        width: made.clip.width,
        height: made.clip.height,
        sizeBytes: made.clip.data.length,
        storageKey: clipKey,
        contentHash: createHash("sha256").update(made.clip.data).digest("hex").slice(0, 16),
      };
      return async (tx) => {
        await upsertFacts(tx, wallpaperId, {
          durationMs: made.probe.durationMs,
          fps: made.probe.fps,
          codec: made.probe.codec,
          posterKey: poster,
          previewKey: clipKey,
        });
        await upsertVariants(tx, wallpaperId, [clipRow]);
        await enqueuePosterReady(tx, wallpaperId);
      };
    },
    () => removeWallpaperBlobs(deps.blobStore, wallpaperId),
  );
}
