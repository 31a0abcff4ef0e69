// `pnpm bench:ingest [--concurrency 3]`: uploads the wallpaper corpus through @wallpaperdb/client to a
// freshly started web app and sets the throughput beside a plain fsync'd disk write of the same bytes.
import { mkdtemp, open, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { createWallpaperClient, type UploadPhase, type UploadResult, uploadFile } from "@wallpaperdb/client";
import { mapWithConcurrency } from "../src/pool.ts";
import { corpusFiles } from "../test/corpus.ts";
import { ensureWebBuild, startWebApp } from "../test/web-app.ts";
import { peakRss } from "./proc-memory.ts";

const { values } = parseArgs({
  options: { concurrency: { type: "string", default: "3" }, "no-build": { type: "boolean", default: false } },
});
const concurrency = Number(values.concurrency);
const files = corpusFiles();
const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The same bytes written file by file and fsync'd, on the same disk as the app's blob folder. */
async function rawDiskWrite(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "wpdb-bench-disk-"));
  try {
    let seconds = 0;
    for (const [index, file] of files.entries()) {
      const bytes = await readFile(file.path);
      const started = performance.now();
      const handle = await open(join(dir, `${index}-${basename(file.path)}`), "w");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      seconds += (performance.now() - started) / 1000;
    }
    return seconds;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type PhaseSeconds = Record<UploadPhase, number>;

/** Also sums the time files spend in each phase, to show whether bytes or validation dominate. */
async function uploadAll(
  baseUrl: string,
): Promise<{ seconds: number; results: UploadResult[]; phases: PhaseSeconds }> {
  const client = createWallpaperClient({ baseUrl });
  const phases: PhaseSeconds = { hashing: 0, checking: 0, uploading: 0, processing: 0 };
  const started = performance.now();
  const results = await mapWithConcurrency(files, concurrency, async (file) => {
    let current: { phase: UploadPhase; since: number } | undefined;
    const settle = () => {
      if (current) phases[current.phase] += (performance.now() - current.since) / 1000;
    };
    const result = await uploadFile(client, file.path, {
      onProgress: ({ phase }) => {
        if (current?.phase === phase) return;
        settle();
        current = { phase, since: performance.now() };
      },
    });
    settle();
    return result;
  });
  return { seconds: (performance.now() - started) / 1000, results, phases };
}

function phaseLine(phases: PhaseSeconds): string {
  return Object.entries(phases)
    .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)}`)
    .join(" · ");
}

function count(results: UploadResult[], status: UploadResult["status"]): number {
  return results.filter((result) => result.status === status).length;
}

// --no-build reuses whatever apps/web/.next holds (handy while someone else is mid-build).
if (!values["no-build"]) {
  process.stdout.write("building the web app (turbo cache) …\n");
  ensureWebBuild();
}
const app = await startWebApp();
try {
  const idle = peakRss(app.pid);
  process.stdout.write(
    `web app on ${app.baseUrl}; uploading ${files.length} files, ${mb(totalBytes).toFixed(1)} MB …\n`,
  );
  const first = await uploadAll(app.baseUrl);
  const peak = peakRss(app.pid);
  const again = await uploadAll(app.baseUrl);
  const diskSeconds = await rawDiskWrite();

  const uploadRate = mb(totalBytes) / first.seconds;
  const diskRate = mb(totalBytes) / diskSeconds;
  const rows: [string, string][] = [
    ["files", `${files.length} (${mb(totalBytes).toFixed(1)} MB)`],
    [
      "first upload: results",
      `${count(first.results, "added")} added, ${count(first.results, "duplicate")} duplicate, ${count(first.results, "rejected")} rejected`,
    ],
    [
      `upload, concurrency ${concurrency}`,
      `${first.seconds.toFixed(2)} s · ${uploadRate.toFixed(1)} MB/s · ${(files.length / first.seconds).toFixed(1)} files/s`,
    ],
    ["  time in phase (s, summed)", phaseLine(first.phases)],
    ["raw disk write + fsync", `${diskSeconds.toFixed(2)} s · ${diskRate.toFixed(1)} MB/s`],
    ["upload / disk", `${(uploadRate / diskRate).toFixed(2)}×`],
    [
      "re-upload (hash pre-check)",
      `${again.seconds.toFixed(2)} s · ${(files.length / again.seconds).toFixed(1)} files/s · ${count(again.results, "duplicate")} duplicate`,
    ],
    [
      "web peak RSS (VmHWM)",
      `${mb(peak.bytes).toFixed(0)} MB (idle ${mb(idle.bytes).toFixed(0)} MB, pid ${peak.pid})`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  process.stdout.write(`\n${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n")}\n`);
} finally {
  await app.stop();
}
