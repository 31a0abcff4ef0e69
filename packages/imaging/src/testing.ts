// Test and benchmark helpers: the real wallpapers that `make test` fetches from Debian's wallpaper
// packages into the checkout's .cache/corpus (never committed). Paths are resolved from this file, so
// a clone anywhere finds its own corpus.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const corpusDir = fileURLToPath(new URL("../../../.cache/corpus/", import.meta.url));
const listPath = `${corpusDir}files.txt`;

/** Every image of the corpus (absolute paths), as fetch-wallpapers listed them. */
export function corpusFiles(): string[] {
  if (!existsSync(listPath)) {
    throw new Error(`Corpus missing: run ../shared/corpus/fetch-wallpapers ${corpusDir}`);
  }
  return readFileSync(listPath, "utf8").trim().split("\n");
}

/** Every `step`-th file, so a test can keep to its time budget on two shared cores. */
export function sampleCorpus(step: number, offset = 0): string[] {
  return corpusFiles().filter((_, i) => i % step === offset);
}

/** One file of the corpus by its path inside it, e.g. `mate-backgrounds/usr/share/backgrounds/mate/nature/Aqua.jpg`. */
export function corpusFile(relative: string): string {
  const path = `${corpusDir}${relative}`;
  if (!existsSync(path)) throw new Error(`Corpus file missing: ${path}`);
  return path;
}

/** A JPEG several tests use (mate nature/Aqua.jpg). */
export const corpusJpeg = () => corpusFile("mate-backgrounds/usr/share/backgrounds/mate/nature/Aqua.jpg");
