import { type Executor, wallpapers } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { HandlerContext } from "@wallpaperdb/events/consumer";
import type { ColorPalette } from "@wallpaperdb/imaging";
import { replaceColors, upsertFacts } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { eq } from "drizzle-orm";
import { readBlob } from "../adapters/blobs.ts";
import { computeColorPalette, decodeAnalysis, releaseAnalysis } from "../adapters/imaging.ts";
import { runStep, type StepDeps } from "../pipeline/run-step.ts";

export interface ColorDeps extends StepDeps {
  blobStore: BlobStore;
}

/**
 * Dominant colors, the named colours the wallpaper has by the one colour rule (stored on the wallpaper
 * row for the swatch search, the auto tags and the page), brightness and the monochrome flag.
 */
export async function handleVariantsReadyColor(
  deps: ColorDeps,
  event: EventEnvelope<"wallpaper.variants.ready.v1">,
  ctx: HandlerContext,
): Promise<HandlerResult> {
  const { wallpaperId, analysisKey } = event.data;
  return runStep(deps, wallpaperId, "color", ctx, async () => {
    const analysis = await decodeAnalysis(await readBlob(deps.blobStore, analysisKey));
    const palette = computeColorPalette(analysis);
    releaseAnalysis(analysis);
    return (tx) => storeColorResult(tx, wallpaperId, palette);
  });
}

/** What the colour step writes, in the step's transaction: palette, named colours and facts. */
export async function storeColorResult(tx: Executor, wallpaperId: string, palette: ColorPalette) {
  await replaceColors(tx, wallpaperId, palette.colors);
  await tx.update(wallpapers).set({ colorNames: palette.names }).where(eq(wallpapers.id, wallpaperId));
  await upsertFacts(tx, wallpaperId, {
    brightness: palette.brightness,
    luminance: palette.luminance,
    monochrome: palette.monochrome,
  });
}
