export { IMMUTABLE } from "./blob-response.ts";
export {
  attachmentDisposition,
  etagMatches,
  extensionFor,
  negotiateImageFormat,
  parseRange,
  safeBaseName,
} from "./http-rules.ts";
export { type MediaAudience, mediaAudience, PRIVATE_NO_STORE, type ViewerResolver } from "./media-access.ts";
export { contentTypes, type MediaTarget, parseMediaPath } from "./media-path.ts";
export { renditionKey } from "./renditions.ts";
export { handleMediaRequest, type MediaDeps } from "./serve-media.ts";
export {
  createVariantCache,
  forgetCachedMedia,
  type VariantCache,
} from "./variant-cache.ts";
