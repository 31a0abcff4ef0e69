import { type Executor, wallpaperClassifications, wallpapers } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import type { BlobStore } from "@wallpaperdb/storage";
import {
  type Classification,
  EMBEDDING_VERSION,
  embeddingSignHash,
  purityAfterSuggestion,
  suggestPurity,
} from "@wallpaperdb/vision/classify";
import { eq } from "drizzle-orm";
import { readBlob } from "../adapters/blobs.ts";
import { decodeAnalysis, releaseAnalysis } from "../adapters/imaging.ts";
import { classifyPicture } from "../adapters/vision.ts";
import { runStep, type StepDeps } from "../pipeline/run-step.ts";

export interface ClassifyDeps extends StepDeps {
  blobStore: BlobStore;
}

/**
 * Content classes, the purity they suggest and the content embedding, from the analysis blob's small
 * RGB picture (512 px long edge, stored by the variants step: never the original).
 */
export async function handleVariantsReadyClassify(
  deps: ClassifyDeps,
  event: EventEnvelope<"wallpaper.variants.ready.v1">,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const { wallpaperId, analysisKey } = event.data;
  return runStep(deps, wallpaperId, "classify", ctx, async () => {
    const analysis = await decodeAnalysis(await readBlob(deps.blobStore, analysisKey));
    try {
      const classification = await classifyPicture(analysis.small);
      return (tx) => storeClassification(tx, wallpaperId, classification);
    } finally {
      releaseAnalysis(analysis);
    }
  });
}

/**
 * What the classify step writes, in the step's transaction (the wallpaper row is locked): the scores
 * and embedding (replaced whole), and the suggested purity where nobody chose one (purityAfterSuggestion).
 */
export async function storeClassification(tx: Executor, wallpaperId: string, result: Classification) {
  const suggestedPurity = suggestPurity(result.scores);
  const row = {
    model: result.model,
    ...result.scores,
    suggestedPurity,
    embedding: result.embedding,
    embeddingSign: embeddingSignHash(result.embedding),
    embeddingVersion: EMBEDDING_VERSION,
    classifiedAt: new Date(),
  };
  await tx
    .insert(wallpaperClassifications)
    .values({ wallpaperId, ...row })
    .onConflictDoUpdate({ target: wallpaperClassifications.wallpaperId, set: row });
  const [current] = await tx
    .select({ purity: wallpapers.purity, source: wallpapers.puritySource })
    .from(wallpapers)
    .where(eq(wallpapers.id, wallpaperId));
  const next = current ? purityAfterSuggestion(current, suggestedPurity) : null;
  if (next) {
    await tx
      .update(wallpapers)
      .set({ purity: next.purity, puritySource: next.source })
      .where(eq(wallpapers.id, wallpaperId));
  }
}
