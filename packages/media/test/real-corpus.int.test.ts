import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { configureSharp } from "../src/configure-sharp.ts";
import { loadMediaLimits } from "../src/env.ts";
import { validateMedia } from "../src/validate-media.ts";

// Filled by `/work/shared/corpus/fetch-wallpapers .cache/corpus` (Debian's wallpaper packages).
const listFile = resolve(import.meta.dirname, "../../../.cache/corpus/files.txt");
const files = existsSync(listFile) ? readFileSync(listFile, "utf8").split("\n").filter(Boolean) : [];
const PARALLEL = 2;

if (files.length === 0) {
  process.stdout.write(
    `\n[media] real-wallpaper corpus missing (${listFile}); run ../shared/corpus/fetch-wallpapers .cache/corpus\n`,
  );
}

describe.skipIf(files.length === 0)("validateMedia on real wallpapers", () => {
  it(`accepts every file in the corpus with sharp's dimensions (${files.length} files)`, async () => {
    configureSharp();
    const limits = loadMediaLimits({});
    const failures: string[] = [];
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < files.length; index = next++) {
        const file = files[index] ?? "";
        try {
          const result = await validateMedia(file, limits);
          const meta = await sharp(file).metadata();
          const expected = meta.autoOrient;
          if (result.width !== expected.width || result.height !== expected.height) {
            failures.push(
              `${file}: ${result.width}x${result.height}, sharp says ${expected.width}x${expected.height}`,
            );
          }
          expect(result.mediaType).toBe("image");
        } catch (error) {
          failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`\n[media] validated ${files.length} real wallpapers in ${seconds.toFixed(1)} s\n`);
    expect(failures).toEqual([]);
  });
});
