// Side-effect free and light: domain functions and types. The tus server is ./tus, the stores ./staging and
// ./from-env, the reconciler ./reconcile.
export { type CompletedUpload, completeUpload } from "./complete-upload.ts";
export {
  type CreatedUpload,
  type CreateUploadInput,
  createUpload,
  findExistingBySha256,
  getUploadStatus,
  UPLOAD_ENDPOINT,
  type UploadStatus,
} from "./create-upload.ts";
export type { IngestDeps, IngestServices, Uploader } from "./deps.ts";
export { type IngestSettings, loadIngestSettings } from "./env.ts";
export { isSha256Hex, ORIGINALS_PREFIX, originalKeyFor } from "./keys.ts";
export { deleteOriginalIfUnused, lockOriginal } from "./original-lock.ts";
export type { LocalUploadFile, UploadStaging } from "./staging.ts";
export {
  nextState,
  statesAllowing,
  type UploadEvent,
  type UploadState,
  uploadTransitions,
} from "./state-machine.ts";
