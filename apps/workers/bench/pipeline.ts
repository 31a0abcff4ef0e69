// `pnpm bench:pipeline`: the pipeline's throughput on the real corpus, from upload.complete to processed
// with all steps, beside the same decode-and-resize work done in one process without queues, database or
// blob store (renderImageDerivatives with the pipeline's own options, as many in flight), the 4K
// upload-to-processed latency, and the worker's peak RSS. Each pass also prints where the CPU went
// (cpu-usage.ts). First, the variants step's formats before and after the medium variant and AVIF-only
// storage (variant-sets.ts; `--variant-sets` runs only that part). Before that, the hash and quality CPU
// per image, old pHash against the crop signature (hash-quality.ts; `--hash-quality` runs only that), then
// the classify step's model load and CPU per image (classify-cost.ts; `--classify` stops after it) and the
// detect step's (detect.ts; `--detect` stops after it; the passes' worker runs both components, so its
// peaks include both models). BENCH_WORKER_FLAGS adds Node flags to the worker (e.g. "--trace-gc", "--cpu-prof")
// and shows its stdout; worker settings in its environment (WORKERS_*, PIPELINE_SHARP_*) reach the worker.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { wallpapers } from "@wallpaperdb/db";
import { loadEventsEnv } from "@wallpaperdb/events/env";
import { corpusFiles } from "@wallpaperdb/imaging/testing";
import { configureSharp } from "@wallpaperdb/media";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { renderImageDerivatives } from "../src/adapters/imaging.ts";
import { WORKER_MALLOC_ENV, WORKER_NODE_FLAGS } from "../src/process-settings.ts";
import {
  createPipelineHarness,
  insertWallpaper,
  type PipelineHarness,
  waitProcessed,
} from "../test/pipeline-harness.ts";
import { measureClassify } from "./classify-cost.ts";
import { cpuGroups, describeCpu, describeThreads, sampleCpu, threadTicks } from "./cpu-usage.ts";
import { measureDetect } from "./detect.ts";
import { compareHashAndQuality } from "./hash-quality.ts";
import { openIngestPath } from "./ingest-path.ts";
import { compareVariantSets } from "./variant-sets.ts";

const mainPath = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const IN_FLIGHT = 2;
const WARM_UP_IMAGES = 4;
const out = (line: string) => process.stdout.write(`${line}\n`);
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: size }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

async function procStatus(pid: number | undefined, field: "VmHWM" | "VmRSS"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** Linux: writing 5 to clear_refs resets the peak RSS, so the next VmHWM covers one phase only. */
const resetPeak = (child: ChildProcess) => writeFile(`/proc/${child.pid}/clear_refs`, "5");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Where the pipeline's time goes: mean time inside each step, from the per-step state rows. */
async function printStepTimes(harness: PipelineHarness, ids: string[]): Promise<void> {
  const rows = await harness.database.db.execute<{ step: string; n: number; mean_ms: number }>(sql`
    select step, count(*)::int as n,
      avg(extract(epoch from finished_at - started_at) * 1000)::float8 as mean_ms
    from processing_steps
    where wallpaper_id = any(${`{${ids.join(",")}}`}::uuid[]) and state = 'done'
    group by step order by step`);
  out(`  time inside each step: ${rows.map((r) => `${r.step} ${r.mean_ms.toFixed(0)} ms`).join(", ")}`);
}

const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

async function main(): Promise<void> {
  configureSharp({ concurrency: 1, cacheMemoryMb: 32 });
  const paths = corpusFiles().filter((p) => /\.(jpe?g|png|webp)$/i.test(p));
  const files = await Promise.all(paths.map(async (path) => ({ path, data: await readFile(path) })));
  out(
    `corpus: ${files.length} images, ${(files.reduce((s, f) => s + f.data.length, 0) / 1e6).toFixed(1)} MB`,
  );

  await compareHashAndQuality(
    files.filter((_, i) => i % 5 === 0).map((file) => file.path),
    out,
  );
  if (process.argv.includes("--hash-quality")) return;
  const classifyCpuMs = await measureClassify(
    files.filter((_, i) => i % 3 === 0).map((file) => file.path),
    out,
  );
  if (process.argv.includes("--classify")) return;
  await measureDetect(
    files.map((file) => file.path),
    out,
  );
  if (process.argv.includes("--detect")) return;
  await compareVariantSets(files, out);
  if (process.argv.includes("--variant-sets")) return;

  // Baseline: exactly the variants step's pixel work (same function, same formats), nothing else. It
  // runs before and after the pipeline, and the ratio uses their mean, so load that comes and goes on a
  // shared machine weighs on both sides alike.
  const rawCpu = cpuGroups();
  const measureRaw = async (when: string) => {
    const cpu = sampleCpu(rawCpu);
    const t0 = performance.now();
    await inPool(files, IN_FLIGHT, (file) => renderImageDerivatives(file.data));
    const rate = files.length / ((performance.now() - t0) / 1000);
    out(
      `raw renderImageDerivatives ${when} (${IN_FLIGHT} in flight, one process): ${rate.toFixed(2)} images/s (load ${loadavg()[0]?.toFixed(1)})`,
    );
    out(`  ${describeCpu(cpu, sampleCpu(rawCpu), files.length)}`);
    return rate;
  };
  const rawBefore = await measureRaw("before");

  const harness = await createPipelineHarness();
  // Launched as in production (process-settings.ts).
  const worker = spawn(
    process.execPath,
    [...WORKER_NODE_FLAGS, ...(process.env.BENCH_WORKER_FLAGS?.split(" ").filter(Boolean) ?? []), mainPath],
    {
      env: {
        // A worker setting given to the bench (WORKERS_*, PIPELINE_SHARP_*) reaches the worker, to A/B it.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => /^(WORKERS_|PIPELINE_SHARP_)/.test(name)),
        ),
        PATH: process.env.PATH,
        NODE_ENV: "production",
        LOG_LEVEL: "error",
        ...WORKER_MALLOC_ENV,
        DATABASE_URL: harness.database.url,
        NATS_URL: loadEventsEnv().NATS_URL.join(","),
        EVENTS_NAMESPACE: harness.bus.names.namespace,
        BLOB_STORE: "local",
        BLOB_DIR: harness.blobDir,
        BLOB_SIGNING_SECRET: "pipeline-bench-signing-secret-0123456789",
        WORKERS_HEALTH_PORT: "0",
        WORKER_ID: "bench",
        WORKERS: "relay,poster,variants,variants-video,quality,color,classify,detect",
        PIPELINE_IMAGE_CONCURRENCY: String(IN_FLIGHT),
      },
      stdio: ["ignore", process.env.BENCH_WORKER_FLAGS ? "inherit" : "ignore", "inherit"],
    },
  );
  const pipelineCpu = cpuGroups({ worker: () => (worker.pid ? [worker.pid] : []) });
  // This process plays the web app: uploads are staged over tus first, and the clock runs from
  // upload.complete (validation, original stored, commit) to processed.
  const ingest = openIngestPath(harness.database.db, harness.blobStore, harness.blobDir);
  const completeFrom = async (name: string, data: Buffer) => {
    const uploadId = await ingest.stage(name, data);
    return () => ingest.complete(uploadId);
  };
  try {
    // Warm-up: the worker's start-up (provisioning, imports) is not throughput.
    const warmPng = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const warm = await (await completeFrom("warm.png", warmPng))();
    await waitProcessed(harness, [warm], 120_000);
    out(`worker RSS after start-up: ${mib(await procStatus(worker.pid, "VmRSS"))}`);
    // ...nor is V8 compiling the hot loops (quality, palette, queries) on their first real images: a few
    // corpus files first, so both passes measure the long-running worker (they are deleted again).
    const warmIds = await Promise.all(
      files.slice(0, WARM_UP_IMAGES).map((file) => insertWallpaper(harness, { data: file.data })),
    );
    await waitProcessed(harness, warmIds, 120_000);

    // Two passes over the corpus. From the commit: the workers alone, against the same pixel work done
    // raw. From upload.complete: also the web app's validation (a full decode under the pixel cap,
    // which rejects bad files before anything is stored) and the original's copy into the blob store.
    const runCorpus = async (label: string, begin: () => Promise<Array<() => Promise<string>>>) => {
      await harness.database.db.delete(wallpapers);
      const starts = await begin();
      await resetPeak(worker);
      const cpu = sampleCpu(pipelineCpu);
      const threads = threadTicks(worker.pid ?? 0);
      const started = performance.now();
      // A few files at a time, as a browser sends them; the worker starts on the first commit.
      const ids: string[] = [];
      await inPool(starts, IN_FLIGHT, async (start) => ids.push(await start()));
      await waitProcessed(harness, ids, 600_000);
      const rate = files.length / ((performance.now() - started) / 1000);
      out(
        `pipeline from ${label} (1 worker process, ${IN_FLIGHT} images in flight, all steps): ${rate.toFixed(2)} wallpapers/s (load ${loadavg()[0]?.toFixed(1)})`,
      );
      out(
        `  worker peak RSS over the corpus (${IN_FLIGHT} in flight): ${mib(await procStatus(worker.pid, "VmHWM"))}`,
      );
      const cpuAfter = sampleCpu(pipelineCpu);
      out(`  ${describeCpu(cpu, cpuAfter, files.length)}`);
      out(
        `  worker CPU per image by thread: ${describeThreads(threads, threadTicks(worker.pid ?? 0), files.length)}`,
      );
      await printStepTimes(harness, ids);
      // /proc ticks are 10 ms each (USER_HZ 100).
      const workerTicks = (cpuAfter.groups.get("worker") ?? 0) - (cpu.groups.get("worker") ?? 0);
      const workerCpuMs = (workerTicks * 10) / files.length;
      out(
        `  classify's share: ${classifyCpuMs.toFixed(0)} of ${workerCpuMs.toFixed(0)} ms worker CPU per image; without it ${(workerCpuMs - classifyCpuMs).toFixed(0)} ms, so classify adds ${((100 * classifyCpuMs) / Math.max(1, workerCpuMs - classifyCpuMs)).toFixed(0)} % (target < 25 %)`,
      );
      return rate;
    };
    const fromCommit = await runCorpus("the commit", async () =>
      files.map((file) => () => insertWallpaper(harness, { data: file.data })),
    );
    const fromComplete = await runCorpus("upload.complete", async () => {
      const completes = [];
      for (const file of files) completes.push(await completeFrom(basename(file.path), file.data));
      return completes;
    });
    const rawRate = (rawBefore + (await measureRaw("after"))) / 2;
    out(`ratio pipeline / raw, from the commit: ${(fromCommit / rawRate).toFixed(2)} (target >= 0.8)`);
    out(
      `ratio pipeline / raw, from upload.complete (with validation): ${(fromComplete / rawRate).toFixed(2)}`,
    );

    const fourK = files.find((f) => f.path.endsWith("Elephants_3840x2160.jpg")) ?? files[0];
    if (!fourK) throw new Error("empty corpus");
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      // Same bytes each round: the sha256 must be free.
      await harness.database.db.delete(wallpapers).where(eq(wallpapers.sha256, sha(fourK.data)));
      const complete = await completeFrom("4k.jpg", fourK.data);
      const t0 = performance.now();
      const id = await complete();
      await waitProcessed(harness, [id], 120_000);
      latencies.push(performance.now() - t0);
    }
    out(
      `4K JPEG upload-to-processed (${fourK.path.split("/").pop()}, 10 runs): p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
    );

    /** The worker's peak RSS while it processes `data`, nothing else in flight. */
    const peakProcessing = async (name: string, data: Buffer): Promise<string> => {
      await harness.database.db.delete(wallpapers).where(eq(wallpapers.sha256, sha(data)));
      const complete = await completeFrom(name, data);
      await resetPeak(worker);
      const id = await complete();
      await waitProcessed(harness, [id], 120_000);
      return mib(await procStatus(worker.pid, "VmHWM"));
    };
    const largest = files.reduce((a, b) => (b.data.length > a.data.length ? b : a));
    const meta = await sharp(largest.data).metadata();
    out(
      `worker peak RSS processing the largest file alone (${largest.path.split("/").pop()}, ${meta.width}x${meta.height}): ${await peakProcessing("largest.jpg", largest.data)} (target < 512)`,
    );
    // Beyond the corpus: an 8K JPEG, the size class MAX_IMAGE_PIXELS is set for.
    const eightK = await sharp(largest.data)
      .resize(7680, 4320, { fit: "fill" })
      .jpeg({ quality: 90 })
      .toBuffer();
    out(
      `worker peak RSS processing a 7680x4320 JPEG alone (the largest, enlarged): ${await peakProcessing("8k.jpg", eightK)}`,
    );
  } finally {
    worker.kill("SIGTERM");
    await harness.cleanup();
  }
}

await main();
