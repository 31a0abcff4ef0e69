import { type Executor, variants, wallpaperDetections, wallpaperObjects, wallpapers } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import type { BlobStore } from "@wallpaperdb/storage";
import { DETECT_INPUT_EDGE, type Detection, detectContent } from "@wallpaperdb/vision/detect";
import { and, asc, eq } from "drizzle-orm";
import { readBlob } from "../adapters/blobs.ts";
import { decodeForDetection } from "../adapters/imaging.ts";
import { runStep, type StepDeps } from "../pipeline/run-step.ts";
import { refreshAutoTags } from "./autotag.ts";

export interface DetectDeps extends StepDeps {
  blobStore: BlobStore;
}

/** The stored variant the detector reads: the grid thumbnail, about 640 px (never the original). */
const DETECT_VARIANT_KIND = "thumb";

/**
 * Objects, people and faces in the picture (@wallpaperdb/vision/detect), stored with the auto tags they
 * earn. The auto tagger adds those tags when the wallpaper is processed; a re-run on a wallpaper already
 * processed (a re-drive, the backfill) sends no new `processed` event, so it refreshes them itself.
 */
export async function handleVariantsReadyDetect(
  deps: DetectDeps,
  event: EventEnvelope<"wallpaper.variants.ready.v1">,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const { wallpaperId } = event.data;
  let wasProcessed = false;
  const result = await runStep(deps, wallpaperId, "detect", ctx, async () => {
    const [variant] = await deps.db
      .select({ storageKey: variants.storageKey })
      .from(variants)
      .where(and(eq(variants.wallpaperId, wallpaperId), eq(variants.kind, DETECT_VARIANT_KIND)))
      .orderBy(asc(variants.format))
      .limit(1);
    if (!variant) throw new Error(`wallpaper ${wallpaperId} has no ${DETECT_VARIANT_KIND} variant`);
    const pixels = await decodeForDetection(
      await readBlob(deps.blobStore, variant.storageKey),
      DETECT_INPUT_EDGE,
    );
    const detection = await detectContent(pixels);
    return async (tx) => {
      const [row] = await tx
        .select({ processedAt: wallpapers.processedAt })
        .from(wallpapers)
        .where(eq(wallpapers.id, wallpaperId));
      wasProcessed = row?.processedAt != null;
      await storeDetection(tx, wallpaperId, detection);
    };
  });
  if (result.status === "done" && wasProcessed) await refreshAutoTags(deps, wallpaperId);
  return result;
}

/** What the detect step writes, in the step's transaction: its row and its objects, replacing earlier ones. */
export async function storeDetection(tx: Executor, wallpaperId: string, detection: Detection) {
  const row = {
    model: detection.model,
    modelVersion: detection.modelVersion,
    peopleCount: detection.peopleCount,
    faceCount: detection.faces.length,
    tagNames: detection.tagNames,
  };
  await tx
    .insert(wallpaperDetections)
    .values({ wallpaperId, ...row })
    .onConflictDoUpdate({ target: wallpaperDetections.wallpaperId, set: { ...row, detectedAt: new Date() } });
  await tx.delete(wallpaperObjects).where(eq(wallpaperObjects.wallpaperId, wallpaperId));
  if (detection.objects.length > 0) {
    await tx.insert(wallpaperObjects).values(
      detection.objects.map((object, rank) => ({
        wallpaperId,
        rank,
        label: object.label,
        score: object.score,
        ...object.box,
      })),
    );
  }
}
