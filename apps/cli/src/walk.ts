import { readdir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { isWallpaperFile } from "@wallpaperdb/client";

export interface FoundFile {
  path: string;
  size: number;
}

/**
 * Every image/video file under the given folders (or the files themselves), sorted for a stable
 * order, each path once even when folders overlap. Hidden folders (.git, .cache) are skipped.
 */
export async function findWallpaperFiles(roots: readonly string[]): Promise<FoundFile[]> {
  const found = new Map<string, number>();
  // Symlinked folders can loop back on themselves; each real folder is read once.
  const seenFolders = new Set<string>();
  async function visit(path: string, explicit: boolean): Promise<void> {
    const info = await stat(path);
    if (info.isDirectory()) {
      const real = await realpath(path);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      const entries = await readdir(path, { withFileTypes: true });
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) {
          await visit(join(path, entry.name), false);
        }
      }
    } else if (info.isFile() && (explicit || isWallpaperFile(path))) {
      found.set(path, info.size);
    }
  }
  for (const root of roots) await visit(resolve(root), true);
  return [...found.entries()]
    .map(([path, size]) => ({ path, size }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
