import { AppError } from "@wallpaperdb/core/errors";
import { wallpapers } from "@wallpaperdb/db";
import type { Purity } from "@wallpaperdb/db/purity";
import { inArray } from "drizzle-orm";
import { assertMayAccess } from "./access.ts";
import type { IngestDeps, Uploader } from "./deps.ts";
import { findUpload, insertUpload } from "./uploads-repo.ts";

/** Where tus clients send bytes; the web app mounts the tus handler there. */
export const UPLOAD_ENDPOINT = "/api/uploads";

export interface CreateUploadInput {
  filename: string;
  size: number;
  type?: string | undefined;
  /** sfw when left out; the wallpaper starts with it (a duplicate keeps the existing one's) */
  purity?: Purity | undefined;
}

export interface CreatedUpload {
  uploadId: string;
  endpoint: typeof UPLOAD_ENDPOINT;
  maxBytes: number;
  expiresAt: Date;
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Opens an upload in state initiated. The size is refused here, before a single byte is sent. */
export async function createUpload(
  deps: Pick<IngestDeps, "db" | "limits" | "settings">,
  input: CreateUploadInput,
  uploader: Uploader,
  now = new Date(),
): Promise<CreatedUpload> {
  const maxBytes = deps.limits.maxUploadBytes;
  if (input.size > maxBytes) {
    throw new AppError("too_large", `The file is ${mib(input.size)}; at most ${mib(maxBytes)} is accepted.`, {
      size: input.size,
      maxBytes,
    });
  }
  const row = await insertUpload(deps.db, {
    uploaderId: uploader?.id ?? null,
    // Kept as data only: it never becomes part of a storage key or a path.
    originalFilename: input.filename,
    declaredSize: input.size,
    declaredType: input.type ?? null,
    purity: input.purity ?? "sfw",
    // Left out: sfw until the classify step suggests otherwise (purity_source `default`).
    puritySource: input.purity ? "uploader" : "default",
    expiresAt: new Date(now.getTime() + deps.settings.uploadTtlMs),
  });
  return { uploadId: row.id, endpoint: UPLOAD_ENDPOINT, maxBytes, expiresAt: row.expiresAt };
}

/** Which of these hashes are already wallpapers: a client skips sending their bytes. */
export async function findExistingBySha256(
  deps: Pick<IngestDeps, "db">,
  hashes: readonly string[],
): Promise<{ sha256: string; wallpaperId: string }[]> {
  if (hashes.length === 0) return [];
  const rows = await deps.db
    .select({ sha256: wallpapers.sha256, wallpaperId: wallpapers.id })
    .from(wallpapers)
    .where(inArray(wallpapers.sha256, [...new Set(hashes)]));
  return rows;
}

export interface UploadStatus {
  state: "initiated" | "receiving" | "received" | "committed" | "rejected" | "expired";
  receivedBytes: number;
  size: number | null;
  rejectCode: string | null;
  rejectMessage: string | null;
  wallpaperId: string | null;
}

export async function getUploadStatus(
  deps: Pick<IngestDeps, "db">,
  uploadId: string,
  uploader: Uploader,
): Promise<UploadStatus> {
  const row = await findUpload(deps.db, uploadId);
  if (!row) throw new AppError("not_found", "No upload with that id.", { uploadId });
  assertMayAccess(row, uploader);
  return {
    state: row.state,
    receivedBytes: row.receivedBytes,
    size: row.declaredSize,
    rejectCode: row.rejectCode,
    rejectMessage: row.rejectMessage,
    wallpaperId: row.wallpaperId,
  };
}
