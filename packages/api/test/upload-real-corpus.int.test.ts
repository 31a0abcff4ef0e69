import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { wallpapers } from "@wallpaperdb/db";
import { originalKeyFor } from "@wallpaperdb/ingest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { Upload } from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openUploadHarness, sha256Of, type UploadHarness } from "./upload-harness.ts";

// Filled by `/work/shared/corpus/fetch-wallpapers .cache/corpus` (Debian's wallpaper packages).
const listFile = resolve(import.meta.dirname, "../../../.cache/corpus/files.txt");
const files = existsSync(listFile) ? readFileSync(listFile, "utf8").split("\n").filter(Boolean) : [];
const PARALLEL = 3;

let harness: UploadHarness;
beforeAll(async () => {
  harness = await openUploadHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** The same client a browser or script uses: tus-js-client, resumable, in chunks. */
function tusUpload(endpoint: string, data: Buffer, metadata: Record<string, string>): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const upload = new Upload(data, {
      endpoint,
      metadata,
      chunkSize: 4 * 1024 * 1024,
      retryDelays: [0, 200],
      onError: reject,
      onSuccess: () => resolvePromise(),
    });
    upload.start();
  });
}

describe.skipIf(files.length === 0)("every real wallpaper through tus-js-client and upload.complete", () => {
  it(`accepts all ${files.length} files with sharp's dimensions and the locally computed SHA-256`, async () => {
    const failures: string[] = [];
    const started = performance.now();
    let bytes = 0;
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < files.length; index = next++) {
        const file = files[index] ?? "";
        try {
          const data = await readFile(file);
          bytes += data.length;
          const api = await harness.caller();
          const { uploadId, endpoint } = await api.upload.create({
            filename: basename(file),
            size: data.length,
          });
          await tusUpload(`${harness.origin}${endpoint}`, data, { uploadId, filename: basename(file) });
          const result = await api.upload.complete({ uploadId });
          const meta = (await sharp(data).metadata()).autoOrient;
          const [row] = await harness.deps.db
            .select()
            .from(wallpapers)
            .where(eq(wallpapers.id, result.wallpaperId));
          const sha = sha256Of(data);
          if (row?.sha256 !== sha) failures.push(`${file}: sha ${row?.sha256} != ${sha}`);
          if (row?.width !== meta.width || row?.height !== meta.height) {
            failures.push(`${file}: ${row?.width}x${row?.height}, sharp says ${meta.width}x${meta.height}`);
          }
          if (!(await harness.deps.blobStore.head(originalKeyFor(sha))))
            failures.push(`${file}: original missing`);
        } catch (error) {
          failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `\n[ingest] ${files.length} real wallpapers (${(bytes / 1048576).toFixed(1)} MiB) uploaded and committed in ${seconds.toFixed(1)} s\n`,
    );
    expect(failures).toEqual([]);
    expect(await harness.stagedFiles()).toEqual([]);
  });
});
