import type { Logger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import { refreshTopScores } from "@wallpaperdb/search";

export interface PopularityRefresher {
  stop(): Promise<void>;
}

/**
 * The `popularity` component: recomputes the top lists from the daily counters every `intervalMs`
 * (and soon after start-up), pruning past days' view marks on the way. Every process may run it; the
 * refresh's advisory lock lets one work per round. A failed round is logged and tried again next round.
 */
export function startPopularityRefresh(
  deps: { db: Database; logger: Logger },
  intervalMs: number,
): PopularityRefresher {
  const log = deps.logger.child({ component: "popularity" });
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function round(): Promise<void> {
    const started = performance.now();
    try {
      const result = await refreshTopScores(deps.db);
      if (!result) log.debug("another process is refreshing the top lists");
      else log.debug({ ...result, ms: Math.round(performance.now() - started) }, "top lists refreshed");
    } catch (error) {
      log.error({ err: error }, "top list refresh failed");
    }
  }

  function schedule(delayMs: number): NodeJS.Timeout {
    return setTimeout(() => {
      if (stopped) return;
      running = round().then(() => {
        if (!stopped) timer = schedule(intervalMs);
      });
    }, delayMs).unref();
  }

  let timer = schedule(Math.min(intervalMs, 5_000));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
