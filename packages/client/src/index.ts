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
