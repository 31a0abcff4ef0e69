import { mediaType as mediaTypeColumn, type stepState } from "@wallpaperdb/db";

export type MediaType = (typeof mediaTypeColumn.enumValues)[number];
export type StepState = (typeof stepState.enumValues)[number];

/**
 * The one definition of the pipeline: every step in the order it runs, the media types that need it,
 * and the steps it waits for (where the media type needs them). Everything else that knows the steps
 * (step rows, triggers, the reconciler's SQL, the jobs page, the progress view) is derived from this.
 */
const definition = {
  // A video's image steps run on its poster frame, so the poster comes first.
  poster: { mediaTypes: ["video"], after: [] },
  variants: { mediaTypes: ["image", "video"], after: ["poster"] },
  // Both read the analysis the variants step stored.
  quality: { mediaTypes: ["image", "video"], after: ["variants"] },
  color: { mediaTypes: ["image", "video"], after: ["variants"] },
  // Content classes, suggested purity and embedding from the analysis picture (packages/vision).
  classify: { mediaTypes: ["image", "video"], after: ["variants"] },
  // Objects, people and faces (a model, ~130 ms of CPU per picture) on the stored thumbnail.
  detect: { mediaTypes: ["image", "video"], after: ["variants"] },
} as const;

export type StepName = keyof typeof definition;

interface StepDefinition {
  mediaTypes: readonly MediaType[];
  after: readonly StepName[];
}

// Widened once, which also checks that every `after` names a step.
const steps: Record<StepName, StepDefinition> = definition;

/** Every step of any media type, in run order (the jobs page's rows, the routers' step enum). */
export const pipelineSteps = Object.keys(definition) as [StepName, ...StepName[]];

const mediaTypes: readonly MediaType[] = mediaTypeColumn.enumValues;

function needsStep(mediaType: MediaType, step: StepName): boolean {
  return steps[step].mediaTypes.includes(mediaType);
}

/** The media types that need `step`. */
export function mediaTypesOf(step: StepName): MediaType[] {
  return mediaTypes.filter((mediaType) => needsStep(mediaType, step));
}

const stepsByMediaType: Record<MediaType, readonly StepName[]> = {
  image: pipelineSteps.filter((step) => needsStep("image", step)),
  video: pipelineSteps.filter((step) => needsStep("video", step)),
};

/** The steps a wallpaper needs before it counts as processed, in the order they run. */
export function stepsFor(mediaType: MediaType): readonly StepName[] {
  return stepsByMediaType[mediaType];
}

/** Every (step, media type that needs it) pair, in run order: the rows the SQL of jobs and re-drives is built from. */
export const stepNeeds: readonly { step: StepName; mediaType: MediaType }[] = pipelineSteps.flatMap((step) =>
  mediaTypesOf(step).map((mediaType) => ({ step, mediaType })),
);

/** The steps that must be done before `step` can run; each step's event is sent when they are. */
export function prerequisitesOf(mediaType: MediaType, step: StepName): StepName[] {
  return steps[step].after.filter((before) => needsStep(mediaType, before));
}

/** Thrown for input the decoders refuse: retrying cannot help, so the step fails at once. */
export class BadMediaError extends Error {
  override name = "BadMediaError";
}
