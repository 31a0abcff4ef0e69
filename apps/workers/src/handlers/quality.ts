import { wallpapers } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import { upsertFacts } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { eq } from "drizzle-orm";
import { readBlob } from "../adapters/blobs.ts";
import { computeQuality, decodeAnalysis, releaseAnalysis } from "../adapters/imaging.ts";
import { runStep, type StepDeps } from "../pipeline/run-step.ts";

export interface QualityDeps extends StepDeps {
  blobStore: BlobStore;
}

/** Quality score 0–100 and its components, from the stored analysis (never the original). */
export async function handleVariantsReadyQuality(
  deps: QualityDeps,
  event: EventEnvelope<"wallpaper.variants.ready.v1">,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const { wallpaperId, analysisKey } = event.data;
  return runStep(deps, wallpaperId, "quality", ctx, async () => {
    const [size] = await deps.db
      .select({ width: wallpapers.width, height: wallpapers.height })
      .from(wallpapers)
      .where(eq(wallpapers.id, wallpaperId));
    if (!size) throw new Error(`wallpaper ${wallpaperId} vanished`);
    const analysis = await decodeAnalysis(await readBlob(deps.blobStore, analysisKey));
    const quality = computeQuality(analysis, size);
    releaseAnalysis(analysis);
    return async (tx) => {
      await upsertFacts(tx, wallpaperId, {
        qualityScore: quality.score,
        qualityComponents: { ...quality.components },
      });
    };
  });
}
