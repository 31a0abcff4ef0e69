import { stat } from "node:fs/promises";
import { AppError } from "@wallpaperdb/core/errors";
import type { MediaLimits } from "./env.ts";
import { rejectionMessage } from "./media-types.ts";
import { sniffFile } from "./sniff.ts";
import { type ValidatedImage, validateImage } from "./validate-image.ts";
import { type ValidatedVideo, validateVideo } from "./validate-video.ts";

export type ValidatedMedia = ValidatedImage | ValidatedVideo;

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * The single entry point for an uploaded file: size cap first (cheapest, from the file system), then the
 * real type from the bytes, then the matching decoder. Every rejection is an AppError with a stable code.
 */
export async function validateMedia(path: string, limits: MediaLimits): Promise<ValidatedMedia> {
  const { size } = await stat(path);
  if (size > limits.maxUploadBytes) {
    throw new AppError(
      "too_large",
      `The file is ${formatSize(size)}; at most ${formatSize(limits.maxUploadBytes)} is accepted.`,
      { size, maxBytes: limits.maxUploadBytes },
    );
  }
  if (size === 0) throw new AppError("corrupt", "The file is empty (0 bytes).");
  const sniffed = await sniffFile(path);
  switch (sniffed.kind) {
    case "image":
      return validateImage(path, limits);
    case "video":
      return validateVideo(path, limits);
    case "rejected":
      throw new AppError("unsupported_type", rejectionMessage(sniffed.family), { detected: sniffed.family });
  }
}
