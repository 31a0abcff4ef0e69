import { createLogger } from "@wallpaperdb/core/logger";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { createBlobStoreFromEnv } from "@wallpaperdb/storage/from-env";
import { backfillFromAnalysis } from "./analysis-backfill.ts";

// `pnpm --filter @wallpaperdb/workers backfill:analysis`, once after migration 0019 (near-duplicate crop
// hashes) and after any change of QUALITY_VERSION (re-scores stored quality); safe to repeat.
const log = createLogger("analysis-backfill");
const handle = createDb(loadDbEnv().DATABASE_URL, {
  max: 2,
  applicationName: "wallpaperdb-analysis-backfill",
});
const started = performance.now();
try {
  const result = await backfillFromAnalysis(handle.db, createBlobStoreFromEnv());
  log.info({ ...result, ms: Math.round(performance.now() - started) }, "analysis backfill done");
  if (result.failed.length > 0) process.exitCode = 1;
} catch (error) {
  log.error({ err: error }, "analysis backfill failed");
  process.exitCode = 1;
} finally {
  await handle.close();
}
