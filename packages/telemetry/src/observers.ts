import type { BatchObservableCallback, Meter } from "@opentelemetry/api";
import { METRICS } from "./metric-catalog.ts";
import { instruments } from "./metrics.ts";

/** Stops observing; safe to call twice. */
export type StopObserving = () => void;

export interface OutboxSnapshot {
  backlog: number;
  /** 0 when nothing is waiting. */
  oldestAgeSeconds: number;
}

// Observable callbacks run only when a reader collects (every export interval), and never when
// telemetry is off (the no-op meter drops them), so the queries behind them cost nothing by default.
function observeBatch(
  build: (meter: Meter) => {
    observables: Parameters<Meter["addBatchObservableCallback"]>[1];
    callback: BatchObservableCallback;
  },
): StopObserving {
  const { meter } = instruments();
  const { observables, callback } = build(meter);
  meter.addBatchObservableCallback(callback, observables);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    meter.removeBatchObservableCallback(callback, observables);
  };
}

const gauge = (meter: Meter, key: keyof typeof METRICS) =>
  meter.createObservableGauge(METRICS[key].name, {
    unit: METRICS[key].unit,
    description: METRICS[key].description,
  });

/** Outbox backlog and the age of its oldest row, from one cheap query per collection. */
export function observeOutbox(read: () => Promise<OutboxSnapshot>): StopObserving {
  return observeBatch((meter) => {
    const backlog = gauge(meter, "outboxBacklog");
    const age = gauge(meter, "outboxOldestAge");
    return {
      observables: [backlog, age],
      callback: async (result) => {
        const snapshot = await read();
        result.observe(backlog, snapshot.backlog);
        result.observe(age, snapshot.oldestAgeSeconds);
      },
    };
  });
}

/** Messages waiting for one durable consumer (JetStream num_pending). */
export function observeConsumerLag(consumer: string, read: () => Promise<number>): StopObserving {
  return observeBatch((meter) => {
    const lag = gauge(meter, "consumerLag");
    return {
      observables: [lag],
      callback: async (result) => {
        result.observe(lag, await read(), { consumer });
      },
    };
  });
}

/**
 * Probes each dependency at collection time: up=1/0 and how long the probe took. A probe that hangs
 * counts as down after `timeoutMs`, so one stuck dependency cannot stall the whole export.
 */
export function observeDependencies(
  probes: Record<string, () => Promise<unknown>>,
  timeoutMs = 2000,
): StopObserving {
  return observeBatch((meter) => {
    const up = gauge(meter, "dependencyUp");
    const duration = gauge(meter, "dependencyProbeDuration");
    return {
      observables: [up, duration],
      callback: async (result) => {
        await Promise.all(
          Object.entries(probes).map(async ([dependency, probe]) => {
            const started = performance.now();
            const ok = await withTimeout(probe(), timeoutMs);
            result.observe(up, ok ? 1 : 0, { dependency });
            result.observe(duration, (performance.now() - started) / 1000, { dependency });
          }),
        );
      },
    };
  });
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
