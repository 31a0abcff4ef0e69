import { processingSteps, wallpapers } from "@wallpaperdb/db";
import { enqueueUploaded } from "@wallpaperdb/pipeline";
import { and, eq, gt, isNull, lt, ne, notExists, or } from "drizzle-orm";
import type { IngestDeps } from "./deps.ts";
import { ORIGINALS_PREFIX, sha256FromOriginalKey } from "./keys.ts";
import { deleteOriginalIfUnused } from "./original-lock.ts";
import { listStaleUploads, transitionUpload } from "./uploads-repo.ts";

// Plain functions for the workers' periodic reconciler: importing this module starts nothing.
export interface ReconcileOptions {
  /** Report what would be done without doing it. */
  dryRun?: boolean;
  limit?: number;
}

export interface ExpireReport {
  dryRun: boolean;
  expired: { uploadId: string; state: string; receivedBytes: number; expiresAt: Date }[];
}

/** Expires open uploads past their expiry and deletes their staged bytes. */
export async function expireAbandonedUploads(
  deps: Pick<IngestDeps, "db" | "staging" | "logger">,
  now: Date,
  options: ReconcileOptions = {},
): Promise<ExpireReport> {
  const stale = await listStaleUploads(deps.db, now, options.limit);
  const report: ExpireReport = { dryRun: options.dryRun ?? false, expired: [] };
  for (const row of stale) {
    if (!options.dryRun) {
      // Guarded: an upload that got committed or rejected meanwhile is left alone.
      const moved = await transitionUpload(deps.db, row.id, "expire");
      if (!moved) continue;
      await deps.staging.remove(row.id);
    }
    report.expired.push({
      uploadId: row.id,
      state: row.state,
      receivedBytes: row.receivedBytes,
      expiresAt: row.expiresAt,
    });
  }
  if (!report.dryRun && report.expired.length > 0) {
    deps.logger.info({ count: report.expired.length }, "expired abandoned uploads");
  }
  return report;
}

export interface BlobDriftReport {
  dryRun: boolean;
  /** Originals in the store with no wallpaper row (e.g. a crash between the put and the commit). */
  orphanBlobs: { key: string; size: number; lastModified: Date }[];
  /** Wallpaper rows whose original is missing from the store: reported for a human, never auto-deleted. */
  missingBlobs: { wallpaperId: string; key: string }[];
  deletedOrphans: number;
}

/**
 * Compares `originals/` in the blob store with the wallpaper rows. Orphans older than `graceMs` are
 * deleted (younger ones may belong to a commit in flight); missing blobs are only reported.
 */
export async function reconcileOriginalBlobs(
  deps: Pick<IngestDeps, "db" | "blobStore" | "logger">,
  now: Date,
  options: ReconcileOptions & { graceMs?: number } = {},
): Promise<BlobDriftReport> {
  const graceMs = options.graceMs ?? 60 * 60 * 1000;
  const report: BlobDriftReport = {
    dryRun: options.dryRun ?? false,
    orphanBlobs: [],
    missingBlobs: [],
    deletedOrphans: 0,
  };
  const blobs = new Map<string, { key: string; size: number; lastModified: Date }>();
  for await (const blob of deps.blobStore.list(ORIGINALS_PREFIX)) blobs.set(blob.key, blob);

  const rows = await deps.db.select({ id: wallpapers.id, key: wallpapers.originalKey }).from(wallpapers);
  const keysWithRows = new Set(rows.map((row) => row.key));
  for (const row of rows) {
    if (!blobs.has(row.key)) report.missingBlobs.push({ wallpaperId: row.id, key: row.key });
  }
  for (const blob of blobs.values()) {
    if (keysWithRows.has(blob.key) || sha256FromOriginalKey(blob.key) === null) continue;
    if (now.getTime() - blob.lastModified.getTime() < graceMs) continue;
    report.orphanBlobs.push(blob);
    if (options.dryRun) continue;
    // Re-checked under the original's lock: an upload of these bytes may have committed since the scan.
    const sha256 = sha256FromOriginalKey(blob.key) ?? "";
    if (await deleteOriginalIfUnused(deps.db, deps.blobStore, sha256, blob.key)) report.deletedOrphans += 1;
  }
  if (!report.dryRun && (report.deletedOrphans > 0 || report.missingBlobs.length > 0)) {
    deps.logger.warn(
      { deletedOrphans: report.deletedOrphans, missingBlobs: report.missingBlobs.length },
      "original blobs out of step with wallpaper rows",
    );
  }
  return report;
}

export interface RedriveReport {
  dryRun: boolean;
  redriven: { wallpaperId: string; createdAt: Date }[];
}

/**
 * Committed wallpapers none of whose processing steps ever started after `olderThanMs` (no step rows, or
 * only the pending rows the commit created): their uploaded event was lost or never handled.
 * Re-enqueues `wallpaper.uploaded.v1` (consumers are idempotent). Steps that did start and then stalled
 * are the pipeline's `redriveStuckSteps`.
 */
export async function redriveUnprocessedWallpapers(
  deps: Pick<IngestDeps, "db" | "logger">,
  now: Date,
  options: ReconcileOptions & { olderThanMs?: number } = {},
): Promise<RedriveReport> {
  const cutoff = new Date(now.getTime() - (options.olderThanMs ?? 15 * 60 * 1000));
  const stuck = await deps.db
    .select()
    .from(wallpapers)
    .where(
      and(
        lt(wallpapers.createdAt, cutoff),
        isNull(wallpapers.processedAt),
        notExists(
          deps.db
            .select()
            .from(processingSteps)
            .where(
              and(
                eq(processingSteps.wallpaperId, wallpapers.id),
                or(gt(processingSteps.attempts, 0), ne(processingSteps.state, "pending")),
              ),
            ),
        ),
      ),
    )
    .orderBy(wallpapers.createdAt)
    .limit(options.limit ?? 500);
  const report: RedriveReport = { dryRun: options.dryRun ?? false, redriven: [] };
  for (const wallpaper of stuck) {
    if (!options.dryRun) {
      await enqueueUploaded(deps.db, wallpaper);
    }
    report.redriven.push({ wallpaperId: wallpaper.id, createdAt: wallpaper.createdAt });
  }
  if (!report.dryRun && report.redriven.length > 0) {
    deps.logger.info({ count: report.redriven.length }, "re-drove wallpapers whose processing never started");
  }
  return report;
}
