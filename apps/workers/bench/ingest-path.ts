// The web app's side of an upload, for the pipeline benchmark: open an upload, send its bytes over the
// real tus handler (not timed: that is transfer, bench:ingest measures it), then `completeUpload` — what
// the `upload.complete` procedure calls — which validates the file, stores the original and commits
// the wallpaper with its outbox event. The clock of the benchmark starts at that call.
import { join } from "node:path";
import { createLogger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import { completeUpload, createUpload, type IngestDeps, loadIngestSettings } from "@wallpaperdb/ingest";
import { createFileStaging } from "@wallpaperdb/ingest/staging";
import { sendOverTus } from "@wallpaperdb/ingest/testing";
import { createUploadHandler } from "@wallpaperdb/ingest/tus";
import { loadMediaLimits } from "@wallpaperdb/media";
import type { BlobStore } from "@wallpaperdb/storage";

export function openIngestPath(db: Database, blobStore: BlobStore, dir: string) {
  const stagingDir = join(dir, "staging");
  const deps: IngestDeps = {
    db,
    blobStore,
    logger: createLogger("bench-ingest", "error"),
    staging: createFileStaging(stagingDir),
    limits: loadMediaLimits({}),
    settings: { ...loadIngestSettings({ ALLOW_ANONYMOUS_UPLOADS: "true" }), uploadDir: stagingDir },
  };
  const tus = createUploadHandler(deps);

  return {
    /** An upload with every byte received, ready for complete; returns its id. */
    async stage(filename: string, data: Buffer): Promise<string> {
      const { uploadId } = await createUpload(deps, { filename, size: data.length }, null);
      await sendOverTus(tus, uploadId, filename, data);
      return uploadId;
    },
    /** upload.complete: validation, the original stored, the wallpaper committed; returns its id. */
    async complete(uploadId: string): Promise<string> {
      return (await completeUpload(deps, uploadId, null)).wallpaperId;
    },
  };
}
