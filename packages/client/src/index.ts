export {
  authHeaders,
  createWallpaperClient,
  normalizeBaseUrl,
  type WallpaperClient,
  type WallpaperClientOptions,
} from "./client.ts";
export { guessMimeType, isWallpaperFile, wallpaperExtensions } from "./files.ts";
export { sha256OfBytes, sha256OfFile } from "./hash.ts";
export {
  isRejectionCode,
  type Rejection,
  type RejectionCode,
  rejectionCodes,
  rejectionFromError,
} from "./rejection.ts";
export {
  type UploadFileOptions,
  type UploadInput,
  type UploadPhase,
  type UploadProgress,
  type UploadResult,
  type UploadStatus,
  type UploadTarget,
  uploadFile,
} from "./upload-file.ts";
