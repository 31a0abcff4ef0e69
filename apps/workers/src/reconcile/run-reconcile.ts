import { pruneRateLimits } from "@wallpaperdb/auth/rate-limit";
import type { Logger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import type { UploadStaging } from "@wallpaperdb/ingest";
import {
  type BlobDriftReport,
  type ExpireReport,
  expireAbandonedUploads,
  type RedriveReport,
  reconcileOriginalBlobs,
  redriveUnprocessedWallpapers,
} from "@wallpaperdb/ingest/reconcile";
import { redriveStuckSteps, type StuckStep } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { sql } from "drizzle-orm";

export interface ReconcileDeps {
  db: Database;
  blobStore: BlobStore;
  staging: UploadStaging;
  logger: Logger;
  /** The consumers' ack wait: a step running for 3x this has lost its worker. */
  ackWaitMs: number;
}

export interface ReconcileSettings {
  dryRun?: boolean;
  /** Orphan originals younger than this may belong to a commit in flight (ingest's default: 1 h). */
  orphanGraceMs?: number;
  /** Committed wallpapers whose processing never started, after this (ingest's default: 15 min). */
  unstartedAfterMs?: number;
  /** A runnable pending step untouched for this long lost its event; above the consumers' backoff total. */
  pendingStallMs?: number;
}

export interface ReconcileReport {
  dryRun: boolean;
  startedAt: Date;
  durationMs: number;
  expired: ExpireReport["expired"];
  orphanBlobs: BlobDriftReport["orphanBlobs"];
  missingBlobs: BlobDriftReport["missingBlobs"];
  unstarted: RedriveReport["redriven"];
  stuckSteps: StuckStep[];
  /** Rate-limit counters whose window is long over (deleted, or counted in a dry run). */
  rateLimitsPruned: number;
}

// One reconciler at a time across every worker process: two would race on the same orphans and steps.
const LOCK = sql`pg_try_advisory_xact_lock(hashtext('wallpaperdb.reconcile'))`;

/**
 * Runs every check once under a PostgreSQL advisory lock held by a surrounding transaction (released
 * by commit, or by the server when this process dies). The checks use other pool connections. Returns
 * null when another process holds the lock.
 */
export async function runReconcile(
  deps: ReconcileDeps,
  settings: ReconcileSettings = {},
  now = new Date(),
): Promise<ReconcileReport | null> {
  return deps.db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ locked: boolean }>(sql`select ${LOCK} as locked`);
    if (!lock?.locked) return null;
    const started = performance.now();
    const dryRun = settings.dryRun ?? false;
    const expire = await expireAbandonedUploads(deps, now, { dryRun });
    const blobs = await reconcileOriginalBlobs(deps, now, {
      dryRun,
      ...(settings.orphanGraceMs === undefined ? {} : { graceMs: settings.orphanGraceMs }),
    });
    const unstarted = await redriveUnprocessedWallpapers(deps, now, {
      dryRun,
      ...(settings.unstartedAfterMs === undefined ? {} : { olderThanMs: settings.unstartedAfterMs }),
    });
    const stuckSteps = await redriveStuckSteps(deps.db, now, {
      dryRun,
      runningForMs: 3 * deps.ackWaitMs,
      pendingForMs: settings.pendingStallMs ?? 15 * 60 * 1000,
    });
    const rateLimitsPruned = await pruneRateLimits(deps.db, now, { dryRun });
    return {
      dryRun,
      startedAt: now,
      durationMs: Math.round(performance.now() - started),
      expired: expire.expired,
      orphanBlobs: blobs.orphanBlobs,
      missingBlobs: blobs.missingBlobs,
      unstarted: unstarted.redriven,
      stuckSteps,
      rateLimitsPruned,
    };
  });
}

/** Counts for a log line. */
export function summarize(report: ReconcileReport) {
  return {
    dryRun: report.dryRun,
    durationMs: report.durationMs,
    expiredUploads: report.expired.length,
    orphanBlobs: report.orphanBlobs.length,
    missingBlobs: report.missingBlobs.length,
    unstartedWallpapers: report.unstarted.length,
    stuckSteps: report.stuckSteps.length,
    rateLimitsPruned: report.rateLimitsPruned,
  };
}
