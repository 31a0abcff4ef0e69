import { constants, type Dirent } from "node:fs";
import { access, lstat, readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { isWallpaperFile } from "@wallpaperdb/client";

export interface FoundFile {
  path: string;
  size: number;
}

/** Why a file was left out before anything was sent. */
export type SkipReason = "unsupported_type" | "broken_link" | "unreadable";

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** The system's words, e.g. "EACCES: permission denied". */
  detail?: string;
}

export interface WalkResult {
  files: FoundFile[];
  skipped: SkippedFile[];
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Every image/video file under the given folders (or the files themselves), sorted for a stable
 * order, each path once even when folders overlap. Hidden entries (.git, .cache, .DS_Store) are
 * passed over silently; everything else that is not sent is listed with its reason: a document or
 * other non-wallpaper type, a symlink whose target is gone, a file or folder that cannot be read. One
 * bad entry never stops the walk. A root that does not exist is the caller's mistake and throws.
 */
export async function findWallpaperFiles(roots: readonly string[]): Promise<WalkResult> {
  const found = new Map<string, number>();
  const skipped = new Map<string, SkippedFile>();
  // Symlinked folders can loop back on themselves; each real folder is read once.
  const seenFolders = new Set<string>();
  const skip = (path: string, reason: SkipReason, error?: unknown) => {
    const detail = error instanceof Error ? error.message : undefined;
    skipped.set(path, { path, reason, ...(detail ? { detail } : {}) });
  };

  async function visit(path: string, explicit: boolean): Promise<void> {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      if (explicit) throw error;
      // stat follows links: ENOENT here for an entry readdir just listed means a dangling symlink.
      const link = await lstat(path).then(
        (own) => own.isSymbolicLink(),
        () => false,
      );
      if (link && (errorCode(error) === "ENOENT" || errorCode(error) === "ELOOP")) skip(path, "broken_link");
      else skip(path, "unreadable", error);
      return;
    }
    if (info.isDirectory()) {
      let entries: Dirent[];
      try {
        const real = await realpath(path);
        if (seenFolders.has(real)) return;
        seenFolders.add(real);
        entries = await readdir(path, { withFileTypes: true });
      } catch (error) {
        if (explicit) throw error;
        skip(path, "unreadable", error);
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) {
          await visit(join(path, entry.name), false);
        }
      }
    } else if (info.isFile()) {
      if (!explicit && !isWallpaperFile(path)) {
        skip(path, "unsupported_type");
        return;
      }
      // Found now rather than as a failed upload halfway through the run.
      const readable = await access(path, constants.R_OK).then(
        () => null,
        (error: unknown) => error,
      );
      if (readable) skip(path, "unreadable", readable);
      else found.set(path, info.size);
    }
  }
  for (const root of roots) await visit(resolve(root), true);
  const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
  return {
    files: [...found.entries()].map(([path, size]) => ({ path, size })).sort(byPath),
    skipped: [...skipped.values()].sort(byPath),
  };
}
