export {
  jobsSummary,
  listFailedSteps,
  pipelineSteps,
  type RedriveResult,
  rerunStep,
  retryFailedSteps,
  type StepSummary,
} from "./jobs.ts";
export { redrive } from "./redrive.ts";
