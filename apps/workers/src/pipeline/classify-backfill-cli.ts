import { createLogger } from "@wallpaperdb/core/logger";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { rerunStep } from "@wallpaperdb/pipeline";

// `pnpm --filter @wallpaperdb/workers backfill:classify [--all]`: once after the classify step was added
// (migration classification), and with --all after a new model, EMBEDDING_VERSION or thresholds. It is
// the jobs page's re-run (`rerunStep`): the missing step rows are created as pending and each wallpaper's
// `wallpaper.variants.ready.v1` is enqueued; the running `classify` consumers do the work at their own
// pace (one image at a time per process), from the stored analysis blob. Safe to repeat: a step already
// done is not reset by the default scope, and the step itself is idempotent.
const log = createLogger("classify-backfill");
const handle = createDb(loadDbEnv().DATABASE_URL, {
  max: 1,
  applicationName: "wallpaperdb-classify-backfill",
});
try {
  const scope = process.argv.includes("--all") ? "all" : "missing";
  const result = await rerunStep(handle.db, { step: "classify", scope });
  log.info({ scope, ...result }, "classify re-driven: the classify consumers will work through the queue");
} catch (error) {
  log.error({ err: error }, "classify backfill failed");
  process.exitCode = 1;
} finally {
  await handle.close();
}
