// The browser-safe entry point (@wallpaperdb/client/protocol): the upload protocol and what both of
// its clients need to speak it. Nothing under src/protocol may use node:* modules or Buffer.
export { rateLimitOf, sleep } from "./rate-limit.ts";
export { isRejectionCode, type Rejection, type RejectionCode, rejectionFromError } from "./rejection.ts";
export {
  type RunUploadOptions,
  runUpload,
  type UploadApi,
  type UploadMemo,
  type UploadOutcome,
  type UploadPhase,
  type UploadPorts,
  type UploadSource,
} from "./run-upload.ts";
export { abortReason, retryDelays, type TransferTarget, tusOptions, tusStatus } from "./tus.ts";
