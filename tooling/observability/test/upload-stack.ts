import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCaller, createTRPCContext } from "@wallpaperdb/api";
import { createLogger } from "@wallpaperdb/core/logger";
import { createTestDatabase } from "@wallpaperdb/db/testing";
import type { EventType } from "@wallpaperdb/events";
import { type RunningConsumer, runConsumer } from "@wallpaperdb/events/consumer";
import { startOutboxRelay } from "@wallpaperdb/events/relay";
import { createTestBus } from "@wallpaperdb/events/testing";
import { type IngestServices, loadIngestSettings } from "@wallpaperdb/ingest";
import { createFileStaging } from "@wallpaperdb/ingest/staging";
import { sendOverTus } from "@wallpaperdb/ingest/testing";
import { createUploadHandler } from "@wallpaperdb/ingest/tus";
import { configureSharp, loadMediaLimits } from "@wallpaperdb/media";
import { pipelineSteps } from "@wallpaperdb/pipeline";
import { createPostgresSearch } from "@wallpaperdb/search";
import { createBlobStoreFromEnv } from "@wallpaperdb/storage/from-env";
import { type ConsumerComponent, consumerComponents, type HandlerDeps } from "@wallpaperdb/workers/registry";

/**
 * The real upload path and the real pipeline in one process: tRPC upload.create → tus POST/PATCH →
 * upload.complete, the outbox relay, and the workers' variants/quality/color consumers. The database
 * and the blob store come from the same factories the processes use (createDb, createBlobStoreFromEnv),
 * so the spans they add are the production ones.
 */
export async function openUploadStack() {
  configureSharp({ concurrency: 1, cacheMemoryMb: 32 });
  const database = await createTestDatabase("wpdb_obs_upload");
  const bus = await createTestBus();
  const dir = await mkdtemp(join(tmpdir(), "wpdb-obs-upload-"));
  const logger = createLogger("observability-upload-test", "warn");
  const blobStore = createBlobStoreFromEnv({
    BLOB_STORE: "local",
    BLOB_DIR: join(dir, "blobs"),
    BLOB_SIGNING_SECRET: "observability-upload-secret",
  });
  const ingest: IngestServices = {
    staging: createFileStaging(join(dir, "staging")),
    limits: loadMediaLimits({}),
    settings: {
      ...loadIngestSettings({ ALLOW_ANONYMOUS_UPLOADS: "true" }),
      uploadDir: join(dir, "staging"),
      progressIntervalMs: 50,
    },
  };
  const search = createPostgresSearch(database.db);
  const deps = { db: database.db, sql: database.sql, nats: bus.nc, blobStore, logger, search, ingest };
  const tus = createUploadHandler({ ...ingest, db: database.db, blobStore, logger });
  const handlerDeps: HandlerDeps = {
    db: database.db,
    workerId: "obs",
    blobStore,
    mediaLimits: loadMediaLimits({}),
    logger,
    search,
    imageConcurrency: 1,
  };
  const relay = await startOutboxRelay({ db: database, js: bus.js, names: bus.names, logger, pollMs: 200 });
  const consumers: RunningConsumer[] = [];
  const start = <T extends EventType>(component: ConsumerComponent<T>) =>
    runConsumer({
      js: bus.js,
      jsm: bus.jsm,
      db: database,
      names: bus.names,
      durable: component.durable,
      types: component.types,
      handler: (event, ctx) => component.handle(handlerDeps, event, ctx),
      logger,
    });
  // Every step of the pipeline (each step has a consumer component of its name): processed waits for all.
  for (const name of pipelineSteps) consumers.push(await start(consumerComponents[name]));

  return {
    database,
    bus,
    /** What the browser does for one file; returns the wallpaper id. */
    async upload(filename: string, data: Buffer): Promise<string> {
      const api = createCaller(await createTRPCContext({ headers: new Headers(), deps }));
      const { uploadId } = await api.upload.create({ filename, size: data.length });
      await sendOverTus(tus, uploadId, filename, data);
      return (await api.upload.complete({ uploadId })).wallpaperId;
    },
    async close() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay.stop();
      await bus.cleanup();
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
