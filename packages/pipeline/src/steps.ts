export type MediaType = "image" | "video";
export type StepName = "poster" | "variants" | "quality" | "color";
export type StepState = "pending" | "running" | "done" | "failed" | "skipped";

const imageSteps: readonly StepName[] = ["variants", "quality", "color"];
// A video's image steps run on its poster frame, so the poster comes first.
const videoSteps: readonly StepName[] = ["poster", "variants", "quality", "color"];

/** The steps a wallpaper needs before it counts as processed, in the order they run. */
export function stepsFor(mediaType: MediaType): readonly StepName[] {
  return mediaType === "video" ? videoSteps : imageSteps;
}

/** Thrown for input the decoders refuse: retrying cannot help, so the step fails at once. */
export class BadMediaError extends Error {
  override name = "BadMediaError";
}
