import { createLogger } from "@wallpaperdb/core/logger";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { backfillColorNames } from "./auto-tags-backfill.ts";

// `pnpm --filter @wallpaperdb/workers backfill:colour-names`, once after migration 0015 (safe to repeat).
const log = createLogger("colour-names-backfill");
const handle = createDb(loadDbEnv().DATABASE_URL, { max: 2, applicationName: "wallpaperdb-colour-names" });
const started = performance.now();
try {
  const result = await backfillColorNames(handle.db);
  log.info({ ...result, ms: Math.round(performance.now() - started) }, "colour names backfilled");
} catch (error) {
  log.error({ err: error }, "colour names backfill failed");
  process.exitCode = 1;
} finally {
  await handle.close();
}
