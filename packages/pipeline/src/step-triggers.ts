import type { Executor } from "@wallpaperdb/db";
import type { EventType } from "@wallpaperdb/events";
import { type MediaType, prerequisitesOf, type StepName, stepsFor } from "./steps.ts";
import {
  enqueuePosterReady,
  enqueueUploaded,
  enqueueVariantsReady,
  type TriggerTarget,
} from "./trigger-events.ts";

/**
 * The steps that can run now: pending (or without a row) with every prerequisite done. Driving only
 * those is enough, since each step emits the next one's event when it finishes; a step behind a
 * failed or running one is left to that one. Image and video chains make this at most one event.
 */
export function drivableSteps(mediaType: MediaType, states: Record<string, string>): StepName[] {
  return stepsFor(mediaType).filter(
    (step) =>
      (states[step] ?? "pending") === "pending" &&
      prerequisitesOf(mediaType, step).every((before) => states[before] === "done"),
  );
}

/** The event a step consumes: a video's variants are rendered from its poster, an image's from the original. */
export function triggerOf(mediaType: MediaType, step: StepName): EventType {
  switch (step) {
    case "poster":
      return "wallpaper.uploaded.v1";
    case "variants":
      return mediaType === "video" ? "wallpaper.poster.ready.v1" : "wallpaper.uploaded.v1";
    case "quality":
    case "color":
    case "classify":
    case "detect":
      return "wallpaper.variants.ready.v1";
    default: {
      const unknown: never = step;
      throw new Error(`no trigger for step ${String(unknown)}`);
    }
  }
}

/**
 * Enqueues, in the caller's transaction, the event that makes `step` run again for this wallpaper.
 * Handlers skip steps already done, so the steps sharing the event (quality, color and classify) are unharmed.
 */
export async function enqueueStepTrigger(tx: Executor, target: TriggerTarget, step: StepName): Promise<void> {
  const type = triggerOf(target.mediaType, step);
  switch (type) {
    case "wallpaper.uploaded.v1":
      return enqueueUploaded(tx, target);
    case "wallpaper.poster.ready.v1":
      return enqueuePosterReady(tx, target.id);
    case "wallpaper.variants.ready.v1":
      return enqueueVariantsReady(tx, target.id);
    default:
      throw new Error(`step ${step} has no trigger event`);
  }
}
