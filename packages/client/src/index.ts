export {
  authHeaders,
  type Connection,
  createWallpaperClient,
  normalizeBaseUrl,
  type WallpaperClient,
  type WallpaperClientOptions,
} from "./client.ts";
export {
  credentialsPath,
  defaultApiKey,
  deleteCredentials,
  readCredentials,
  type StoredCredentials,
  writeCredentials,
} from "./credentials.ts";
export { guessMimeType, isWallpaperFile, wallpaperExtensions } from "./files.ts";
export { sha256OfBytes, sha256OfFile } from "./hash.ts";
export {
  type CreatedKey,
  defaultKeyName,
  revokeOwnKey,
  SignInError,
  type SignInOptions,
  signInForApiKey,
} from "./login.ts";
export {
  isRejectionCode,
  type Rejection,
  type RejectionCode,
  rateLimitOf,
  rejectionFromError,
  type UploadPhase,
} from "./protocol/index.ts";
export {
  type UploadFileOptions,
  type UploadInput,
  type UploadProgress,
  type UploadResult,
  type UploadStatus,
  type UploadTarget,
  uploadFile,
} from "./upload-file.ts";
