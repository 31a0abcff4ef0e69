import { loadMediaLimits } from "@wallpaperdb/media";
import { loadStorageEnv } from "@wallpaperdb/storage/from-env";
import { s3ClientSettingsOf } from "@wallpaperdb/storage/s3";
import type { IngestServices } from "./deps.ts";
import { loadIngestSettings } from "./env.ts";
import { createFileStaging, createS3Staging } from "./staging.ts";

/**
 * Staging follows BLOB_STORE: a folder (UPLOAD_DIR) for local, the S3 bucket for s3, so that at scale the
 * bytes go straight to object storage and never pile up on the web server's disk.
 */
export function createIngestServicesFromEnv(source: Record<string, string | undefined>): IngestServices {
  const settings = loadIngestSettings(source);
  const storage = loadStorageEnv(source);
  const staging =
    storage.store === "local"
      ? createFileStaging(settings.uploadDir)
      : createS3Staging({ bucket: storage.bucket, ...s3ClientSettingsOf(storage) });
  return { staging, limits: loadMediaLimits(source), settings };
}
