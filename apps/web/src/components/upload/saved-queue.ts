import type { UploadItem, UploadState } from "./queue.ts";

/**
 * The queue as it is written to the tab's sessionStorage, so a reload (or a restored tab) keeps every
 * row. A File cannot be stored there, so an unfinished row keeps what it takes to resume instead:
 * the file's identity (name, size, lastModified, and its SHA-256 once known) and the tus upload's
 * address. When the person chooses or drops the same file again, the transfer goes on from the
 * server's offset (tus HEAD) rather than from byte 0.
 *
 * sessionStorage rather than localStorage: it survives reloads and "reopen closed tab" but belongs to
 * one tab, so a second open tab never shows the first one's running transfers as interrupted (both
 * would then race for one tus upload). The bytes themselves are not copied into IndexedDB: that would
 * write every file to disk a second time before it is sent, to save the person one file choice.
 */
export const STORAGE_KEY = "wallpaperdb.upload-queue.v1";

/** Old rows are dropped first; a tab that uploads a whole folder keeps its latest rows. */
const MAX_SAVED_ROWS = 300;

export interface SavedRow {
  id: string;
  name: string;
  size: number;
  type: string;
  lastModified: number;
  state: UploadState;
  bytesDone: number;
  sha256?: string;
  uploadId?: string;
  endpoint?: string;
  uploadUrl?: string;
  wallpaperId?: string;
  code?: string;
  message?: string;
}

/** States that end a row; anything else was cut short by the reload and needs its file again. */
const KEPT_AS_IS: ReadonlySet<UploadState> = new Set(["added", "duplicate", "rejected"]);

export function toSavedRows(items: readonly UploadItem[]): SavedRow[] {
  return items.slice(-MAX_SAVED_ROWS).map((item) => ({
    id: item.id,
    name: item.file.name,
    size: item.file.size,
    type: item.file.type,
    lastModified: item.file.lastModified,
    state: item.state,
    bytesDone: item.bytesDone,
    ...item.resume,
    ...(item.wallpaperId ? { wallpaperId: item.wallpaperId } : {}),
    ...(item.code ? { code: item.code } : {}),
    ...(item.message ? { message: item.message } : {}),
  }));
}

function isSavedRow(value: unknown): value is SavedRow {
  if (typeof value !== "object" || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.id === "string" &&
    typeof row.name === "string" &&
    typeof row.size === "number" &&
    typeof row.lastModified === "number" &&
    typeof row.state === "string" &&
    typeof row.bytesDone === "number"
  );
}

/**
 * Rows as the page shows them after a reload: finished ones as they were, the rest (running, paused,
 * queued, failed) "interrupted" until their file is chosen again. Unreadable storage is no rows.
 */
export function fromSavedRows(text: string | null): UploadItem[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isSavedRow).map((row) => {
    const { sha256, uploadId, endpoint, uploadUrl } = row;
    const kept = KEPT_AS_IS.has(row.state);
    return {
      id: row.id,
      file: { name: row.name, size: row.size, type: row.type ?? "", lastModified: row.lastModified },
      previewUrl: null,
      state: kept ? row.state : "interrupted",
      bytesDone: row.bytesDone,
      bytesPerSecond: 0,
      resume: {
        ...(sha256 ? { sha256 } : {}),
        ...(uploadId ? { uploadId } : {}),
        ...(endpoint ? { endpoint } : {}),
        ...(uploadUrl ? { uploadUrl } : {}),
      },
      ...(row.wallpaperId ? { wallpaperId: row.wallpaperId } : {}),
      ...(kept && row.code ? { code: row.code } : {}),
      ...(kept && row.message ? { message: row.message } : {}),
    };
  });
}

export function loadSavedQueue(): UploadItem[] {
  try {
    return fromSavedRows(window.sessionStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage disabled (privacy settings): the queue simply does not outlive the page.
    return [];
  }
}

export function saveQueue(items: readonly UploadItem[]): void {
  try {
    if (items.length === 0) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(toSavedRows(items)));
  } catch {
    // Full or disabled storage costs the reload safety net, never the running uploads.
  }
}

/** The same file chosen again: name, size and modification time agree (the hash confirms it later). */
export function sameFile(
  saved: Pick<File, "name" | "size" | "lastModified">,
  file: Pick<File, "name" | "size" | "lastModified">,
): boolean {
  return saved.name === file.name && saved.size === file.size && saved.lastModified === file.lastModified;
}
