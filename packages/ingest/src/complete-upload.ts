import { createReadStream } from "node:fs";
import { AppError, fileRejectionCodes, isErrorCode } from "@wallpaperdb/core/errors";
import { takenDown, wallpapers } from "@wallpaperdb/db";
import { type ValidatedMedia, validateMedia } from "@wallpaperdb/media";
import { enqueueUploaded, initSteps, triggerTargetColumns } from "@wallpaperdb/pipeline";
import {
  recordBytesReceived,
  recordUploadAccepted,
  recordUploadDuration,
  recordUploadRejected,
} from "@wallpaperdb/telemetry";
import { eq } from "drizzle-orm";
import { assertMayAccess } from "./access.ts";
import type { IngestDeps, Uploader } from "./deps.ts";
import { originalKeyFor } from "./keys.ts";
import { lockOriginal } from "./original-lock.ts";
import { sha256OfFile } from "./staging.ts";
import { findUpload, transitionUpload, type UploadRow } from "./uploads-repo.ts";

export interface CompletedUpload {
  wallpaperId: string;
  duplicate: boolean;
  mediaType: "image" | "video";
  width: number;
  height: number;
}

const rejectionCodes = new Set<string>(fileRejectionCodes);

async function answerFor(deps: IngestDeps, row: UploadRow): Promise<CompletedUpload> {
  switch (row.state) {
    case "committed": {
      const [wallpaper] = row.wallpaperId
        ? await deps.db.select().from(wallpapers).where(eq(wallpapers.id, row.wallpaperId)).limit(1)
        : [];
      if (!wallpaper) throw new AppError("gone", "The wallpaper of this upload has been deleted.");
      return {
        wallpaperId: wallpaper.id,
        duplicate: row.duplicate ?? false,
        mediaType: wallpaper.mediaType,
        width: wallpaper.width,
        height: wallpaper.height,
      };
    }
    case "rejected": {
      const code = isErrorCode(row.rejectCode) ? row.rejectCode : "corrupt";
      throw new AppError(code, row.rejectMessage ?? "The file was rejected.");
    }
    case "expired":
      throw new AppError("gone", "This upload expired before it was completed; start a new one.");
    default:
      throw new AppError("conflict", "The upload has not received all its bytes yet.", {
        state: row.state,
        receivedBytes: row.receivedBytes,
        size: row.declaredSize,
      });
  }
}

/** An upload whose bytes all arrived but whose `received` mark was lost (crash after the last PATCH). */
async function catchUpReceived(deps: IngestDeps, row: UploadRow): Promise<UploadRow> {
  if (row.state !== "initiated" && row.state !== "receiving") return row;
  const offset = await deps.staging.offset(row.id);
  if (offset === null || offset !== row.declaredSize) return row;
  return (await transitionUpload(deps.db, row.id, "bytes_finished", { receivedBytes: offset })) ?? row;
}

/** Marks the upload rejected and throws `error`; if a racing call already settled it, answers with that. */
async function reject(deps: IngestDeps, row: UploadRow, error: AppError): Promise<CompletedUpload> {
  const rejected = await transitionUpload(deps.db, row.id, "reject", {
    rejectCode: error.code,
    rejectMessage: error.message,
  });
  // Nothing half-stored: the staged bytes go, and no original or wallpaper was written before this point.
  await deps.staging.remove(row.id);
  if (!rejected) return answerFor(deps, (await findUpload(deps.db, row.id)) ?? row);
  deps.logger.info({ uploadId: row.id, code: error.code }, "upload rejected");
  recordUploadRejected(error.code);
  recordUploadDuration("rejected", Date.now() - row.createdAt.getTime());
  throw error;
}

async function isTakenDown(deps: IngestDeps, sha256: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ sha256: takenDown.sha256 })
    .from(takenDown)
    .where(eq(takenDown.sha256, sha256));
  return row !== undefined;
}

async function storeOriginal(
  deps: IngestDeps,
  key: string,
  path: string,
  media: ValidatedMedia,
  size: number,
): Promise<void> {
  // Content-addressed: if the key exists, the very same bytes are already there.
  if (await deps.blobStore.head(key)) return;
  await deps.blobStore.put(key, createReadStream(path), { contentType: media.mimeType, contentLength: size });
}

/**
 * Validates the received bytes, dedupes by SHA-256, stores the original once, then in ONE transaction
 * inserts the wallpaper (or finds the existing one), enqueues `wallpaper.uploaded.v1` for a new wallpaper
 * only, and marks the upload committed. Idempotent: a second call answers what the first committed.
 */
export async function completeUpload(
  deps: IngestDeps,
  uploadId: string,
  uploader: Uploader,
): Promise<CompletedUpload> {
  const found = await findUpload(deps.db, uploadId);
  if (!found) throw new AppError("not_found", "No upload with that id.", { uploadId });
  assertMayAccess(found, uploader);
  const row = await catchUpReceived(deps, found);
  if (row.state !== "received") return answerFor(deps, row);

  const local = await deps.staging.openLocal(row.id);
  try {
    let media: ValidatedMedia;
    try {
      media = await validateMedia(local.path, deps.limits);
    } catch (error) {
      if (error instanceof AppError && rejectionCodes.has(error.code)) return await reject(deps, row, error);
      throw error;
    }
    const sha256 = row.sha256 ?? local.sha256 ?? (await sha256OfFile(local.path));
    if (await isTakenDown(deps, sha256)) {
      return await reject(
        deps,
        row,
        new AppError("taken_down", "This file was taken down by moderation and cannot be uploaded again."),
      );
    }
    const size = row.declaredSize ?? row.receivedBytes;
    const key = originalKeyFor(sha256);
    await storeOriginal(deps, key, local.path, media, size);

    const committed = await deps.db
      .transaction(async (tx) => {
        // A deleted wallpaper with these bytes may have had its original removed since storeOriginal
        // found it; under the lock that check and this commit cannot interleave (original-lock.ts).
        await lockOriginal(tx, sha256);
        await storeOriginal(deps, key, local.path, media, size);
        const [inserted] = await tx
          .insert(wallpapers)
          .values({
            sha256,
            mediaType: media.mediaType,
            mimeType: media.mimeType,
            originalKey: key,
            originalFilename: row.originalFilename,
            sizeBytes: size,
            width: media.width,
            height: media.height,
            durationMs: media.mediaType === "video" ? media.durationMs : null,
            uploaderId: row.uploaderId,
            purity: row.purity,
            puritySource: row.puritySource,
            moderation: deps.settings.moderationRequired ? "pending" : "approved",
          })
          .onConflictDoNothing({ target: wallpapers.sha256 })
          .returning(triggerTargetColumns);
        let wallpaperId = inserted?.id;
        if (inserted) {
          // Step rows (pending) commit with the wallpaper: the UI shows its progress from the first moment.
          await initSteps(tx, inserted.id, media.mediaType);
          await enqueueUploaded(tx, inserted);
        } else {
          const [existing] = await tx
            .select({ id: wallpapers.id })
            .from(wallpapers)
            .where(eq(wallpapers.sha256, sha256))
            .limit(1);
          wallpaperId = existing?.id;
        }
        if (!wallpaperId) throw new AppError("internal", "The wallpaper row vanished while committing.");
        const updated = await transitionUpload(tx, row.id, "commit", {
          sha256,
          storageKey: key,
          wallpaperId,
          duplicate: !inserted,
          receivedBytes: size,
        });
        // Another complete of this upload won: roll back ours (its event included) and answer with theirs.
        if (!updated) throw new LostRace();
        return updated;
      })
      .catch(async (error: unknown) => {
        if (error instanceof LostRace) return findUpload(deps.db, row.id);
        throw error;
      });
    if (!committed) throw new AppError("not_found", "No upload with that id.", { uploadId });
    await deps.staging.remove(row.id);
    recordUploadAccepted();
    recordBytesReceived(size);
    recordUploadDuration("accepted", Date.now() - row.createdAt.getTime());
    return await answerFor(deps, committed);
  } finally {
    await local.release();
  }
}

class LostRace extends Error {}
