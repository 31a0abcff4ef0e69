import type { Logger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import type { MediaLimits } from "@wallpaperdb/media";
import type { BlobStore } from "@wallpaperdb/storage";
import type { IngestSettings } from "./env.ts";
import type { UploadStaging } from "./staging.ts";

/** What the host process (web app, workers, tests) opens once and hands to the ingest functions. */
export interface IngestServices {
  staging: UploadStaging;
  limits: MediaLimits;
  settings: IngestSettings;
}

export interface IngestDeps extends IngestServices {
  db: Database;
  blobStore: BlobStore;
  logger: Logger;
}

/** The uploader, if signed in; null for anonymous uploads (allowed while ALLOW_ANONYMOUS_UPLOADS). */
export type Uploader = { id: string } | null;
