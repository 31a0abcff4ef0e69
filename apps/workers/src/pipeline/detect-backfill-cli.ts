import { createLogger } from "@wallpaperdb/core/logger";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { rerunStep } from "@wallpaperdb/pipeline";

// `pnpm --filter @wallpaperdb/workers backfill:detect`, once after migration 0022 (the detect step): the
// step re-drive the jobs page offers ("Re-run detect, missing"), from a shell. It only enqueues: every
// wallpaper without a done detect step gets its `variants.ready` event, and the `detect` workers (where
// the model is loaded) do the work and refresh the auto tags of wallpapers already processed. Safe to
// repeat; steps already done are left alone.
const log = createLogger("detect-backfill");
const handle = createDb(loadDbEnv().DATABASE_URL, { max: 1, applicationName: "wallpaperdb-detect-backfill" });
try {
  const result = await rerunStep(handle.db, { step: "detect", scope: "missing" });
  log.info(result, "detect backfill enqueued");
} catch (error) {
  log.error({ err: error }, "detect backfill failed");
  process.exitCode = 1;
} finally {
  await handle.close();
}
