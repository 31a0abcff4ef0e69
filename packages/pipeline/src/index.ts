// Side-effect free and without NATS clients: the live progress feed is `@wallpaperdb/pipeline/progress-feed`.
export {
  jobsSummary,
  listFailedSteps,
  type RedriveResult,
  rerunStep,
  retryFailedSteps,
  type StepSummary,
} from "./jobs.ts";
export { analysisKey, posterKey, variantKey } from "./keys.ts";
export {
  findNearDuplicates,
  linkNearDuplicates,
  matchNearDuplicates,
  NEAR_DUPLICATE_DISTANCE,
  type NearDuplicate,
  upsertNearDuplicateHashes,
} from "./near-duplicates.ts";
export { chunkNeighbours, hammingDistance64, phashChunks, phashToBigint, phashToHex } from "./phash.ts";
export type {
  ProgressStatus,
  ProgressUpdate,
  ProgressView,
  StepProgress,
  StepProgressState,
} from "./progress-view.ts";
export { redrive } from "./redrive.ts";
export {
  type FactsPatch,
  type PaletteColor,
  replaceColors,
  upsertFacts,
  upsertVariants,
  type VariantRow,
} from "./results.ts";
export { failStep, finishStep, initSteps, lockWallpaper, type StartedStep, startStep } from "./step-state.ts";
export { drivableSteps, enqueueStepTrigger, triggerOf } from "./step-triggers.ts";
export {
  BadMediaError,
  type MediaType,
  pipelineSteps,
  prerequisitesOf,
  type StepName,
  type StepState,
  stepNeeds,
  stepsFor,
} from "./steps.ts";
export { redriveStuckSteps, type StuckStep, type StuckStepOptions } from "./stuck-steps.ts";
export {
  enqueuePosterReady,
  enqueueUploaded,
  enqueueVariantsReady,
  type TriggerTarget,
  triggerTargetColumns,
  uploadedPayload,
} from "./trigger-events.ts";
