export { analysisKey, posterKey, variantKey } from "./keys.ts";
export {
  findNearDuplicates,
  linkNearDuplicates,
  NEAR_DUPLICATE_DISTANCE,
  type NearDuplicate,
} from "./near-duplicates.ts";
export { chunkNeighbours, hammingDistance64, phashChunks, phashToBigint, phashToHex } from "./phash.ts";
export {
  type FactsPatch,
  type PaletteColor,
  replaceColors,
  upsertFacts,
  upsertVariants,
  type VariantRow,
} from "./results.ts";
export { failStep, finishStep, initSteps, lockWallpaper, type StartedStep, startStep } from "./step-state.ts";
export {
  drivableSteps,
  enqueueStepTrigger,
  prerequisitesOf,
  type TriggerTarget,
  triggerOf,
} from "./step-triggers.ts";
export { BadMediaError, type MediaType, type StepName, type StepState, stepsFor } from "./steps.ts";
export { redriveStuckSteps, type StuckStep, type StuckStepOptions } from "./stuck-steps.ts";
