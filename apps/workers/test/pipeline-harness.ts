import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@wallpaperdb/core/logger";
import { outbox, processingSteps, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import type { EventType } from "@wallpaperdb/events";
import { type RunningConsumer, runConsumer } from "@wallpaperdb/events/consumer";
import { type OutboxRelay, startOutboxRelay } from "@wallpaperdb/events/relay";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import { configureSharp, loadMediaLimits } from "@wallpaperdb/media";
import { enqueueUploaded, initSteps, triggerTargetColumns } from "@wallpaperdb/pipeline";
import { createPostgresSearch } from "@wallpaperdb/search";
import type { BlobStore } from "@wallpaperdb/storage";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import sharp from "sharp";
import { type ConsumerComponent, consumerComponents, type HandlerDeps } from "../src/registry.ts";

export const pipelineComponents = [
  "poster",
  "variants",
  "variants-video",
  "quality",
  "color",
  "classify",
  "detect",
  "autotag",
] as const;

export interface PipelineHarness {
  database: TestDatabase;
  bus: TestBus;
  blobDir: string;
  blobStore: BlobStore;
  deps: HandlerDeps;
  /** Starts the relay and the pipeline consumers in this process. */
  start(): Promise<void>;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export interface PipelineHarnessOptions {
  /** Another store than the local folder (the S3 pipeline run passes one on Swift). */
  blobStore?: BlobStore;
  /** Consumers to run besides the pipeline's (e.g. "blob-cleanup"). */
  extraComponents?: readonly (keyof typeof consumerComponents)[];
}

export async function createPipelineHarness(options: PipelineHarnessOptions = {}): Promise<PipelineHarness> {
  const database = await createTestDatabase();
  const bus = await createTestBus();
  const blobDir = await mkdtemp(join(tmpdir(), "wpdb-pipeline-blobs-"));
  const blobStore =
    options.blobStore ??
    createLocalBlobStore({
      root: blobDir,
      publicBaseUrl: "http://localhost:3000",
      signingSecret: "pipeline-test-signing-secret",
    });
  configureSharp({ concurrency: 1, cacheMemoryMb: 32 });
  const logger = createLogger("workers-test");
  const deps: HandlerDeps = {
    db: database.db,
    workerId: "test",
    blobStore,
    mediaLimits: loadMediaLimits({}),
    logger,
    search: createPostgresSearch(database.db),
    imageConcurrency: 2,
  };
  let relay: OutboxRelay | null = null;
  const consumers: RunningConsumer[] = [];

  function startComponent<T extends EventType>(component: ConsumerComponent<T>): Promise<RunningConsumer> {
    return runConsumer({
      js: bus.js,
      jsm: bus.jsm,
      db: database,
      names: bus.names,
      durable: component.durable,
      types: component.types,
      maxDeliver: component.maxDeliver,
      backoffMs: [200, 500, 1000],
      concurrency:
        typeof component.concurrency === "function" ? component.concurrency(deps) : component.concurrency,
      handler: (event, ctx) => component.handle(deps, event, ctx),
      logger,
    });
  }

  async function stop(): Promise<void> {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await relay?.stop();
    relay = null;
  }

  return {
    database,
    bus,
    blobDir,
    blobStore,
    deps,
    async start() {
      relay = await startOutboxRelay({ db: database, js: bus.js, names: bus.names, logger, pollMs: 200 });
      for (const name of [...pipelineComponents, ...(options.extraComponents ?? [])]) {
        consumers.push(await startComponent(consumerComponents[name]));
      }
    },
    stop,
    async cleanup() {
      await stop();
      await bus.cleanup();
      await database.drop();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}

export interface NewWallpaper {
  data: Buffer;
  mediaType?: "image" | "video";
  mimeType?: string;
  width?: number;
  height?: number;
  durationMs?: number;
  /** Also create the step rows in the commit transaction, as ingest may. */
  initSteps?: boolean;
}

/** What ingest's commit does: store the original, insert the wallpaper and enqueue the event in one transaction. */
export async function insertWallpaper(
  harness: Pick<PipelineHarness, "database" | "blobStore">,
  input: NewWallpaper,
): Promise<string> {
  const sha256 = createHash("sha256").update(input.data).digest("hex");
  const mediaType = input.mediaType ?? "image";
  let { width, height } = input;
  if (width === undefined || height === undefined) {
    const meta = await sharp(input.data).metadata();
    width = meta.autoOrient?.width ?? meta.width;
    height = meta.autoOrient?.height ?? meta.height;
  }
  const mimeType = input.mimeType ?? "image/jpeg";
  const originalKey = `originals/${sha256.slice(0, 2)}/${sha256}`;
  await harness.blobStore.put(originalKey, input.data, { contentType: mimeType });
  return harness.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(wallpapers)
      .values({
        sha256,
        mediaType,
        mimeType,
        originalKey,
        sizeBytes: input.data.length,
        width: width ?? 1,
        height: height ?? 1,
        durationMs: input.durationMs ?? null,
      })
      .returning(triggerTargetColumns);
    if (!row) throw new Error("no wallpaper row");
    if (input.initSteps) await initSteps(tx, row.id, mediaType);
    await enqueueUploaded(tx, row);
    return row.id;
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once none of `ids` is left unprocessed. */
export async function waitProcessed(
  harness: Pick<PipelineHarness, "database">,
  ids: string[],
  timeoutMs = 60_000,
): Promise<void> {
  await waitFor(
    `${ids.length} wallpapers processed`,
    async () => {
      const open = await harness.database.db
        .select({ count: sql<number>`count(*)::int` })
        .from(wallpapers)
        .where(
          and(isNull(wallpapers.processedAt), sql`${wallpapers.id} = any(${`{${ids.join(",")}}`}::uuid[])`),
        );
      return (open[0]?.count ?? 1) === 0 ? true : undefined;
    },
    timeoutMs,
  );
}

export async function stepsOf(harness: Pick<PipelineHarness, "database">, wallpaperId: string) {
  return harness.database.db
    .select()
    .from(processingSteps)
    .where(eq(processingSteps.wallpaperId, wallpaperId))
    .orderBy(asc(processingSteps.step));
}

/** Events written for one wallpaper, in commit order (the outbox is what the relay publishes). */
export async function eventsOf(harness: Pick<PipelineHarness, "database">, wallpaperId: string) {
  const rows = await harness.database.db
    .select({ type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(sql`${outbox.payload}->>'wallpaperId' = ${wallpaperId}`)
    .orderBy(asc(outbox.id));
  return rows as { type: string; payload: Record<string, unknown> }[];
}

export async function listBlobs(store: BlobStore, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of store.list(prefix)) keys.push(blob.key);
  return keys.sort();
}
