import { availableParallelism } from "node:os";
import sharp from "sharp";

export interface SharpOptions {
  /** libvips threads per image; also bounds the transient memory of one decode. */
  concurrency?: number;
  /** Operation-cache memory in MiB; 0 disables the cache. */
  cacheMemoryMb?: number;
}

// Abstract loader classes: unblocking one unblocks its file/buffer/source subclasses.
export const allowedLoaders = [
  "VipsForeignLoadJpeg",
  "VipsForeignLoadPng",
  "VipsForeignLoadWebp",
  "VipsForeignLoadHeif",
  "VipsForeignLoadNsgif",
] as const;

let configured: Required<SharpOptions> | undefined;

/**
 * Locks libvips down for untrusted input: every loader is blocked (SVG via librsvg, PDF, TIFF, the
 * ImageMagick fallback, matrix/CSV files picked by suffix…) except the allow-list, and memory is bounded.
 * Process-wide and idempotent: call it at start-up; validators call it again as a safety net.
 */
export function configureSharp(options: SharpOptions = {}): Required<SharpOptions> {
  if (configured) return configured;
  const settings = {
    concurrency: options.concurrency ?? Math.min(4, availableParallelism()),
    cacheMemoryMb: options.cacheMemoryMb ?? 64,
  };
  sharp.block({ operation: ["VipsForeignLoad"] });
  sharp.unblock({ operation: [...allowedLoaders] });
  // files: 0 so the cache never keeps an uploaded file open after validation.
  sharp.cache(settings.cacheMemoryMb > 0 ? { memory: settings.cacheMemoryMb, files: 0, items: 200 } : false);
  sharp.concurrency(settings.concurrency);
  configured = settings;
  return settings;
}
