// `pnpm reconcile [--dry-run]`: one reconcile run now, printed as a table (what the workers do every
// RECONCILE_INTERVAL_MS). Exits 2 when another process holds the reconcile lock.
import { parseArgs } from "node:util";
import { createLogger } from "@wallpaperdb/core/logger";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { createIngestServicesFromEnv } from "@wallpaperdb/ingest/from-env";
import { createBlobStoreFromEnv } from "@wallpaperdb/storage/from-env";
import { envSource, loadWorkersEnv } from "../env.ts";
import { formatReport } from "./report-table.ts";
import { runReconcile } from "./run-reconcile.ts";

const logger = createLogger("reconcile");

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
  const env = loadWorkersEnv();
  const db = createDb(loadDbEnv().DATABASE_URL, { max: 4, applicationName: "reconcile-cli" });
  try {
    const report = await runReconcile(
      {
        db: db.db,
        blobStore: createBlobStoreFromEnv(),
        staging: createIngestServicesFromEnv(envSource()).staging,
        logger,
        ackWaitMs: env.WORKERS_ACK_WAIT_MS,
      },
      { dryRun: values["dry-run"], pendingStallMs: env.RECONCILE_PENDING_STALL_MS },
    );
    if (!report) {
      process.stderr.write("another process is reconciling right now; try again in a moment\n");
      return 2;
    }
    process.stdout.write(formatReport(report));
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    logger.fatal({ err: error }, error instanceof Error ? error.message : "reconcile failed");
    process.exit(1);
  },
);
