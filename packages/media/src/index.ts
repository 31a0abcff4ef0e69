export { configureSharp, type SharpOptions } from "./configure-sharp.ts";
export { loadMediaLimits, type MediaLimits } from "./env.ts";
export type { ImageFormat, RejectedFamily, Sniffed, VideoFormat } from "./media-types.ts";
export { rejectionMessage } from "./media-types.ts";
export { SNIFF_BYTES, sniffBytes, sniffFile } from "./sniff.ts";
export { type ValidatedImage, validateImage } from "./validate-image.ts";
export { type ValidatedMedia, validateMedia } from "./validate-media.ts";
export { allowedVideoCodecs, type ValidatedVideo, type VideoCodec, validateVideo } from "./validate-video.ts";
