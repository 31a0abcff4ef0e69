export { type DeletedWallpaper, deleteWallpaper } from "./delete-wallpaper.ts";
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
export { redrive } from "./redrive.ts";
