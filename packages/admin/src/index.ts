export {
  jobsSummary,
  listFailedSteps,
  pipelineSteps,
  type RedriveResult,
  rerunStep,
  retryFailedSteps,
  type StepSummary,
} from "./jobs.ts";
export {
  type Actor,
  type ModerationStatus,
  moderateWallpapers,
  moderationQueue,
  resolveDuplicate,
} from "./moderation.ts";
export { drivableSteps, enqueueStepTrigger, redrive } from "./redrive.ts";
