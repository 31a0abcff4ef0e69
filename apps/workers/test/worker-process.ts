import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { WORKER_MALLOC_ENV, WORKER_NODE_FLAGS } from "../src/process-settings.ts";

const mainPath = fileURLToPath(new URL("../src/main.ts", import.meta.url));

export interface WorkerProcessOptions {
  id: string;
  databaseUrl: string;
  /** One server or a cluster's servers, comma-separated (as NATS_URL takes them). */
  natsUrl: string;
  namespace: string;
  blobDir: string;
  env?: Record<string, string>;
}

/** A real workers process (apps/workers/src/main.ts) as a deployment runs it, for kill -9 tests. */
export function spawnWorker(options: WorkerProcessOptions): ChildProcess {
  return spawn(process.execPath, [...WORKER_NODE_FLAGS, mainPath], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      DATABASE_URL: options.databaseUrl,
      NATS_URL: options.natsUrl,
      EVENTS_NAMESPACE: options.namespace,
      BLOB_STORE: "local",
      BLOB_DIR: options.blobDir,
      BLOB_SIGNING_SECRET: "pipeline-test-signing-secret",
      WORKERS_HEALTH_PORT: "0",
      WORKER_ID: options.id,
      // A killed worker's events come back after this, instead of the default 30 s.
      WORKERS_ACK_WAIT_MS: "3000",
      ...WORKER_MALLOC_ENV,
      PIPELINE_IMAGE_CONCURRENCY: "2",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "ignore"],
  });
}
