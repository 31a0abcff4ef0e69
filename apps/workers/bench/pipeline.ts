// `pnpm bench:pipeline`: the pipeline's throughput on the real corpus beside raw sharp doing the same
// decode-and-resize work in one process, the 4K upload-to-processed latency, and each worker's peak RSS.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { wallpapers } from "@wallpaperdb/db";
import { loadEventsEnv } from "@wallpaperdb/events/env";
import { configureSharp } from "@wallpaperdb/media";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { createPipelineHarness, insertWallpaper, waitProcessed } from "../test/pipeline-harness.ts";

const corpusList = fileURLToPath(new URL("../../../.cache/corpus/files.txt", import.meta.url));
const mainPath = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const IN_FLIGHT = 2;
const out = (line: string) => process.stdout.write(`${line}\n`);

/** What the variants step does to pixels, without the pipeline: one decode, two sizes, three formats. */
async function rawSharp(data: Buffer): Promise<void> {
  const { data: pixels, info } = await sharp(data).rotate().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const boxes = [
    { width: 2560, height: 1440, fit: "inside" as const },
    { width: 640, height: 360, fit: "outside" as const },
  ];
  for (const box of boxes) {
    const resized = await sharp(pixels, raw).resize({ ...box, withoutEnlargement: true }).toBuffer({ resolveWithObject: true });
    const master = { raw: { width: resized.info.width, height: resized.info.height, channels: resized.info.channels } };
    await sharp(resized.data, master).avif({ quality: 50, effort: 0 }).toBuffer();
    await sharp(resized.data, master).webp({ quality: 80, effort: 3 }).toBuffer();
    await sharp(resized.data, master).jpeg({ quality: 82 }).toBuffer();
  }
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

function peakRss(child: ChildProcess): Promise<number> {
  return readFile(`/proc/${child.pid}/status`, "utf8").then((status) => {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  configureSharp({ concurrency: 1, cacheMemoryMb: 32 });
  const paths = (await readFile(corpusList, "utf8")).split("\n").filter((p) => /\.(jpe?g|png|webp)$/i.test(p));
  const files = await Promise.all(paths.map(async (path) => ({ path, data: await readFile(path) })));
  out(`corpus: ${files.length} images, ${(files.reduce((s, f) => s + f.data.length, 0) / 1e6).toFixed(1)} MB`);

  let started = performance.now();
  await inPool(files, IN_FLIGHT, (file) => rawSharp(file.data));
  const rawRate = files.length / ((performance.now() - started) / 1000);
  out(`raw sharp (${IN_FLIGHT} in flight, one process): ${rawRate.toFixed(2)} images/s`);

  const harness = await createPipelineHarness();
  const worker = spawn(process.execPath, [mainPath], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      DATABASE_URL: harness.database.url,
      NATS_URL: loadEventsEnv().NATS_URL,
      EVENTS_NAMESPACE: harness.bus.names.namespace,
      BLOB_STORE: "local",
      BLOB_DIR: harness.blobDir,
      BLOB_SIGNING_SECRET: "pipeline-bench-signing-secret",
      WORKERS_HEALTH_PORT: "0",
      WORKER_ID: "bench",
      PIPELINE_IMAGE_CONCURRENCY: String(IN_FLIGHT),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    // Warm-up: the worker's start-up (provisioning, imports) is not throughput.
    const warm = await insertWallpaper(harness, {
      data: await sharp({ create: { width: 64, height: 64, channels: 3, background: "#336699" } }).png().toBuffer(),
      mimeType: "image/png",
    });
    await waitProcessed(harness, [warm], 120_000);

    started = performance.now();
    const ids = await Promise.all(files.map((file) => insertWallpaper(harness, { data: file.data })));
    await waitProcessed(harness, ids, 600_000);
    const pipelineRate = files.length / ((performance.now() - started) / 1000);
    out(`pipeline (1 worker process, ${IN_FLIGHT} images in flight, all steps): ${pipelineRate.toFixed(2)} wallpapers/s`);
    out(`ratio pipeline / raw sharp: ${(pipelineRate / rawRate).toFixed(2)} (target >= 0.8)`);

    const fourK = files.find((f) => f.path.endsWith("Elephants_3840x2160.jpg")) ?? files[0];
    if (!fourK) throw new Error("empty corpus");
    await harness.database.db.delete(wallpapers).where(eq(wallpapers.sha256, sha(fourK.data)));
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const id = await insertWallpaper(harness, { data: fourK.data });
      await waitProcessed(harness, [id], 120_000);
      latencies.push(performance.now() - t0);
      // Same bytes again next round: the sha256 must be free.
      await harness.database.db.delete(wallpapers).where(eq(wallpapers.id, id));
    }
    out(
      `4K JPEG upload-to-processed (${fourK.path.split("/").pop()}): p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
    );
    const largest = files.reduce((a, b) => (b.data.length > a.data.length ? b : a));
    await harness.database.db.delete(wallpapers).where(eq(wallpapers.sha256, sha(largest.data)));
    const id = await insertWallpaper(harness, { data: largest.data });
    await waitProcessed(harness, [id], 120_000);
    out(`worker peak memory (VmHWM, incl. the largest file ${largest.path.split("/").pop()}, ${(largest.data.length / 1e6).toFixed(1)} MB): ${(await peakRss(worker)).toFixed(0)} MiB (target < 512)`);
  } finally {
    worker.kill("SIGTERM");
    await harness.cleanup();
  }
}

function sha(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

await main();
