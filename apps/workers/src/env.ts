import { availableParallelism, hostname } from "node:os";
import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

const schema = z.object({
  // Comma-separated component names (see registry.ts); empty or unset runs every component.
  WORKERS: z.string().optional(),
  // 0 picks a free port (tests); the log line "health server listening" names it.
  WORKERS_HEALTH_PORT: z.coerce
    .number({ message: "expected a port number" })
    .int()
    .min(0)
    .max(65535)
    .default(3001),
  WORKER_ID: z.string().min(1).default(`${hostname()}-${process.pid}`),
  // How long in-flight handlers may finish after SIGTERM before their events are handed back.
  WORKERS_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  // Redelivery of an unacknowledged event (a crashed worker's); running handlers extend it as they go.
  WORKERS_ACK_WAIT_MS: z.coerce.number().int().min(1000).default(30_000),
  // Images decoded at once per process by the pipeline; sharp gets one thread each (see main.ts).
  PIPELINE_IMAGE_CONCURRENCY: z.coerce.number().int().min(1).default(availableParallelism()),
  // Pictures in flight per process for the detect step. Its model runs one at a time per process (a
  // second in flight only overlaps reading and decoding the thumbnail); scale out with more processes.
  PIPELINE_DETECT_CONCURRENCY: z.coerce.number().int().min(1).default(1),
  // drizzle's statements as prepared statements (packages/db prepared-statements.ts); false behind a
  // transaction-mode PgBouncer unless it is >= 1.21 with max_prepared_statements set.
  WORKERS_PREPARED_STATEMENTS: envField.boolean().default(true),
  // libvips operation cache; small, because each image is decoded once and never revisited.
  PIPELINE_SHARP_CACHE_MB: z.coerce.number().int().min(0).default(32),
  // The `reconcile` component: expired uploads, orphan originals, wallpapers never processed, stuck steps.
  RECONCILE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(5 * 60 * 1000),
  // The `popularity` component: how often the top lists are recomputed from the daily view and
  // favourite counters (a year of daily rows at 100k wallpapers takes seconds; see docs/performance.md).
  POPULARITY_REFRESH_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(2 * 60 * 1000),
  // A runnable pending step untouched this long lost its event (well above the consumers' backoff total).
  RECONCILE_PENDING_STALL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60 * 1000),
});

export type WorkersEnv = z.infer<typeof schema>;

export function loadWorkersEnv(source: Record<string, string | undefined> = process.env): WorkersEnv {
  return parseEnv(schema, source);
}

/** The raw variables, for the packages whose own env parsers take a source (ingest staging). */
export function envSource(): Record<string, string | undefined> {
  return process.env;
}
