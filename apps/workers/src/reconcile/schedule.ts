import { type ReconcileDeps, type ReconcileSettings, runReconcile, summarize } from "./run-reconcile.ts";

export interface Reconciler {
  stop(): Promise<void>;
}

/**
 * The `reconcile` component: one run shortly after start-up, then every `intervalMs`. Every process may
 * run it; the advisory lock lets one of them work per round. A failed round is logged and retried next
 * round (the database or the blob store may be what failed).
 */
export function startReconciler(
  deps: ReconcileDeps,
  intervalMs: number,
  settings: ReconcileSettings = {},
): Reconciler {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const log = deps.logger.child({ component: "reconcile" });

  async function round(): Promise<void> {
    try {
      const report = await runReconcile(deps, settings);
      if (!report) {
        log.debug("another process is reconciling");
        return;
      }
      const counts = summarize(report);
      const acted =
        counts.expiredUploads +
        counts.orphanBlobs +
        counts.unstartedWallpapers +
        counts.stuckSteps +
        counts.rateLimitsPruned;
      if (acted > 0 || counts.missingBlobs > 0) log.info({ ...counts, report }, "reconciled");
      else log.debug(counts, "reconciled: nothing to do");
    } catch (error) {
      log.error({ err: error }, "reconcile round failed");
    }
  }

  function schedule(delayMs: number): NodeJS.Timeout {
    return setTimeout(() => {
      if (stopped) return;
      running = round();
      running
        .then(() => {
          if (!stopped) timer = schedule(intervalMs);
        })
        .catch(() => undefined);
    }, delayMs).unref();
  }

  // A short first delay: start-up (and a restart after a crash) is when leftovers are likeliest.
  let timer = schedule(Math.min(intervalMs, 10_000));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
