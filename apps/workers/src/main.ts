import { createLogger } from "@wallpaperdb/core/logger";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { busNames, type EventType } from "@wallpaperdb/events";
import { connectNats, jetStreamClients } from "@wallpaperdb/events/connect";
import { type RunningConsumer, runConsumer } from "@wallpaperdb/events/consumer";
import { loadEventsEnv } from "@wallpaperdb/events/env";
import { ensureStream } from "@wallpaperdb/events/provision";
import { type OutboxRelay, startOutboxRelay } from "@wallpaperdb/events/relay";
import { createIngestServicesFromEnv } from "@wallpaperdb/ingest/from-env";
import { configureSharp, loadMediaLimits } from "@wallpaperdb/media";
import { createSearchBackendFromEnv } from "@wallpaperdb/search/from-env";
import { createBlobStoreFromEnv } from "@wallpaperdb/storage/from-env";
import { observeDependencies } from "@wallpaperdb/telemetry";
import { telemetryWanted } from "@wallpaperdb/telemetry/env";
import { envSource, loadWorkersEnv } from "./env.ts";
import { startHealthServer } from "./health-server.ts";
import { type PopularityRefresher, startPopularityRefresh } from "./popularity/schedule.ts";
import { type Reconciler, startReconciler } from "./reconcile/schedule.ts";
import {
  type ConsumerComponent,
  consumerComponents,
  type HandlerDeps,
  isConsumerComponent,
  selectComponents,
} from "./registry.ts";

// First, before anything opens a connection, so every span and metric has its provider. Loaded only
// when configured: see telemetryWanted.
const telemetry = telemetryWanted() ? await import("@wallpaperdb/telemetry/sdk") : null;
telemetry?.startTelemetry({ serviceName: "wallpaperdb-workers" });
const logger = createLogger("workers");

async function main(): Promise<void> {
  const env = loadWorkersEnv();
  const dbEnv = loadDbEnv();
  const eventsEnv = loadEventsEnv();
  const components = selectComponents(env.WORKERS);
  const log = logger.child({ workerId: env.WORKER_ID });

  const db = createDb(dbEnv.DATABASE_URL, {
    max: dbEnv.DATABASE_POOL_MAX,
    applicationName: `workers-${env.WORKER_ID}`,
    preparedStatements: env.WORKERS_PREPARED_STATEMENTS,
  });
  const nc = await connectNats({ url: eventsEnv.NATS_URL, name: `workers-${env.WORKER_ID}` });
  const { js, jsm } = await jetStreamClients(nc);
  const names = busNames(eventsEnv.EVENTS_NAMESPACE);
  await ensureStream(jsm, names, { replicas: eventsEnv.NATS_STREAM_REPLICAS });

  let shuttingDown = false;
  const health = await startHealthServer({
    port: env.WORKERS_HEALTH_PORT,
    logger: log,
    isShuttingDown: () => shuttingDown,
    checks: {
      postgres: async () => {
        await db.sql`select 1`;
      },
      nats: async () => {
        if (nc.isClosed()) throw new Error("connection closed");
        await nc.rtt();
      },
    },
  });

  // One libvips thread per image and a small cache: throughput comes from images in flight, and memory
  // stays bounded by PIPELINE_IMAGE_CONCURRENCY decodes.
  configureSharp({ concurrency: 1, cacheMemoryMb: env.PIPELINE_SHARP_CACHE_MB });
  const blobStore = createBlobStoreFromEnv();
  const stopObserving = observeDependencies({
    postgres: () => db.sql`select 1`,
    nats: () => nc.rtt(),
    blob_store: () => blobStore.ping(),
  });
  const deps: HandlerDeps = {
    db: db.db,
    workerId: env.WORKER_ID,
    blobStore,
    mediaLimits: loadMediaLimits(),
    logger: log,
    search: createSearchBackendFromEnv(db.db, log, envSource()),
    imageConcurrency: env.PIPELINE_IMAGE_CONCURRENCY,
    detectConcurrency: env.PIPELINE_DETECT_CONCURRENCY,
  };
  const relay: OutboxRelay | null = components.includes("relay")
    ? await startOutboxRelay({ db, js, names, logger: log.child({ component: "relay" }) })
    : null;
  const reconciler: Reconciler | null = components.includes("reconcile")
    ? startReconciler(
        {
          db: db.db,
          blobStore,
          staging: createIngestServicesFromEnv(envSource()).staging,
          logger: log,
          ackWaitMs: env.WORKERS_ACK_WAIT_MS,
        },
        env.RECONCILE_INTERVAL_MS,
        { pendingStallMs: env.RECONCILE_PENDING_STALL_MS },
      )
    : null;
  const popularity: PopularityRefresher | null = components.includes("popularity")
    ? startPopularityRefresh({ db: db.db, logger: log }, env.POPULARITY_REFRESH_MS)
    : null;
  const consumers: RunningConsumer[] = [];
  for (const name of components) {
    if (!isConsumerComponent(name)) continue;
    consumers.push(await startComponent(consumerComponents[name]));
  }
  log.info({ components, namespace: names.namespace }, "workers started");

  function startComponent<T extends EventType>(component: ConsumerComponent<T>): Promise<RunningConsumer> {
    return runConsumer({
      js,
      jsm,
      db,
      names,
      durable: component.durable,
      types: component.types,
      maxDeliver: component.maxDeliver,
      ackWaitMs: env.WORKERS_ACK_WAIT_MS,
      concurrency:
        typeof component.concurrency === "function" ? component.concurrency(deps) : component.concurrency,
      shutdownTimeoutMs: env.WORKERS_SHUTDOWN_TIMEOUT_MS,
      handler: (event, ctx) => component.handle(deps, event, ctx),
      logger: log,
    });
  }

  async function shutdown(signal: string): Promise<void> {
    if (shuttingDown) {
      log.warn({ signal }, "second signal: exiting immediately");
      process.exit(1);
    }
    shuttingDown = true;
    log.info({ signal }, "shutting down");
    // Whatever hangs past this point (a stuck connection) must not keep the process alive forever.
    setTimeout(() => {
      log.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, env.WORKERS_SHUTDOWN_TIMEOUT_MS + 15_000).unref();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await relay?.stop();
    await reconciler?.stop();
    await popularity?.stop();
    stopObserving();
    await health.close();
    // drain() flushes the acks and naks of the last handlers before closing.
    await nc.drain().catch((error: unknown) => log.warn({ err: error }, "NATS drain failed"));
    await db.close();
    log.info("stopped");
    // Last: flushes the spans and metrics of everything above.
    await telemetry
      ?.shutdownTelemetry()
      .catch((error: unknown) => log.warn({ err: error }, "telemetry shutdown failed"));
    process.exit(0);
  }

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      shutdown(signal).catch((error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
    });
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, error instanceof Error ? error.message : "workers failed to start");
  process.exit(1);
});
