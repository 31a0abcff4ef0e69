import { AppError } from "@wallpaperdb/core/errors";
import type { Uploader } from "./deps.ts";
import type { UploadRow } from "./uploads-repo.ts";

/** An upload tied to an account is that account's; anonymous ones are reachable by their unguessable id. */
export function assertMayAccess(row: UploadRow, uploader: Uploader): void {
  if (row.uploaderId !== null && row.uploaderId !== uploader?.id) {
    throw new AppError("forbidden", "This upload belongs to someone else.");
  }
}
