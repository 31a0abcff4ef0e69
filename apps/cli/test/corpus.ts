import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./web-app.ts";

/** The real wallpapers fetched by `/work/shared/corpus/fetch-wallpapers .cache/corpus` (never committed). */
export function corpusFiles(): { path: string; size: number }[] {
  const list = join(repoRoot, ".cache/corpus/files.txt");
  if (!existsSync(list)) {
    throw new Error("No wallpaper corpus: run ../shared/corpus/fetch-wallpapers .cache/corpus");
  }
  return readFileSync(list, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((path) => ({ path, size: statSync(path).size }));
}
