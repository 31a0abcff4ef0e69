import { existsSync, readFileSync } from "node:fs";

const listPath = "/work/main/.cache/corpus/files.txt";

/** The real wallpapers fetched by /work/shared/corpus/fetch-wallpapers; never committed. */
export function corpusFiles(): string[] {
  if (!existsSync(listPath)) {
    throw new Error(`Corpus missing: run /work/shared/corpus/fetch-wallpapers /work/main/.cache/corpus`);
  }
  return readFileSync(listPath, "utf8").trim().split("\n");
}

/** Every `step`-th file, so a test can keep to its time budget on two shared cores. */
export function sampleCorpus(step: number, offset = 0): string[] {
  return corpusFiles().filter((_, i) => i % step === offset);
}
