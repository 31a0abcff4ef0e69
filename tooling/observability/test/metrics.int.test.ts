import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  InMemoryMetricExporter,
  type MetricData,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { outbox } from "@wallpaperdb/db";
import { runConsumer } from "@wallpaperdb/events/consumer";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { readOutboxSnapshot, startOutboxRelay } from "@wallpaperdb/events/relay";
import {
  METRICS,
  observeDependencies,
  observeOutbox,
  recordBytesReceived,
  recordMediaCache,
  recordSearchLatency,
  recordStepDuration,
  recordStepFailure,
  recordUploadAccepted,
  recordUploadDuration,
  recordUploadRejected,
} from "@wallpaperdb/telemetry";
import { shutdownTelemetry, startTelemetry } from "@wallpaperdb/telemetry/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStack, type Stack } from "./harness.ts";

const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
// Never fires on its own within a test: the test flushes it when it wants a snapshot.
const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
let stack: Stack;

beforeAll(async () => {
  startTelemetry({
    serviceName: "observability-metrics-test",
    metricReader: reader,
    env: { OTEL_SDK_DISABLED: false, OTEL_METRIC_EXPORT_INTERVAL: 60_000 },
  });
  stack = await openStack();
});

afterAll(async () => {
  await stack?.close();
  await shutdownTelemetry();
});

/** Exports once and returns the metrics of that export by name. */
async function snapshot(): Promise<Map<string, MetricData>> {
  exporter.reset();
  await reader.forceFlush();
  const found = new Map<string, MetricData>();
  for (const resource of exporter.getMetrics()) {
    for (const scope of resource.scopeMetrics)
      for (const metric of scope.metrics) found.set(metric.descriptor.name, metric);
  }
  return found;
}

function points(found: Map<string, MetricData>, name: string): DataPoint<unknown>[] {
  const metric = found.get(name);
  if (!metric) throw new Error(`metric ${name} was not exported; got ${[...found.keys()].join(", ")}`);
  return metric.dataPoints as DataPoint<unknown>[];
}

const pointValue = (found: Map<string, MetricData>, name: string, attrs: Record<string, string> = {}) =>
  points(found, name).find((p) => Object.entries(attrs).every(([k, v]) => p.attributes[k] === v))?.value;

describe("metrics after a small workload", () => {
  it("exports every catalogued instrument under its name, unit and labels", async () => {
    const { bus, database, logger } = stack;
    const stopProbes = observeDependencies({
      postgres: () => database.sql`select 1`,
      nats: () => bus.nc.rtt(),
      blob_store: () => Promise.reject(new Error("down on purpose")),
    });
    let handled: () => void = () => {};
    const handledEvent = new Promise<void>((resolve) => {
      handled = resolve;
    });
    const consumer = await runConsumer({
      js: bus.js,
      jsm: bus.jsm,
      db: database,
      names: bus.names,
      durable: "obs-metrics",
      types: ["wallpaper.changed.v1"],
      logger,
      handler: async () => {
        handled();
        return { status: "done" };
      },
    });
    const api = await stack.api();
    await enqueueEvent(database.db, "wallpaper.changed.v1", {
      wallpaperIds: ["00000000-0000-4000-8000-000000000001"],
      change: "tags",
    });
    await expect(
      api.wallpaper.byId({ wallpaperId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toThrow();

    // Committed but not yet relayed: the outbox gauges (here without a relay, which would drain it) see it.
    const stopOutbox = observeOutbox(() => readOutboxSnapshot(database));
    const before = await snapshot();
    stopOutbox();
    expect(pointValue(before, METRICS.outboxBacklog.name)).toBe(1);
    expect(pointValue(before, METRICS.outboxOldestAge.name)).toBeGreaterThan(0);

    // A row no catalog knows: the relay's publish of it fails (and keeps failing) and is counted.
    await database.db.insert(outbox).values({ type: "unknown.v1", payload: {}, headers: {} });
    const relay = await startOutboxRelay({ db: database, js: bus.js, names: bus.names, logger, pollMs: 200 });
    await handledEvent;
    // Simulated upload, processing, search and media calls: those modules call the same helpers.
    recordUploadAccepted();
    recordUploadRejected("unsupported_type");
    recordBytesReceived(4096);
    recordUploadDuration("accepted", 1500);
    recordStepDuration("variants", 250);
    recordStepFailure("color");
    recordSearchLatency(12);
    recordMediaCache("hit");
    recordMediaCache("miss");
    // The ack is settled just after the handler returns; give it a moment to be counted.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await snapshot();
    await relay.stop();
    await consumer.stop();
    stopProbes();

    for (const metric of Object.values(METRICS)) {
      const found = after.get(metric.name);
      expect(found, metric.name).toBeDefined();
      expect(found?.descriptor.unit, metric.name).toBe(metric.unit);
      const keys = new Set(points(after, metric.name).flatMap((p) => Object.keys(p.attributes)));
      expect([...keys].sort(), metric.name).toEqual([...metric.labels].sort());
    }

    expect(pointValue(after, METRICS.outboxBacklog.name)).toBe(1);
    expect(pointValue(after, METRICS.outboxPublished.name, { type: "wallpaper.changed.v1" })).toBe(1);
    expect(
      pointValue(after, METRICS.outboxPublishFailures.name, { type: "unknown.v1" }),
    ).toBeGreaterThanOrEqual(1);
    expect(pointValue(after, METRICS.consumerLag.name, { consumer: "obs-metrics" })).toBe(0);
    expect(
      pointValue(after, METRICS.eventsHandled.name, {
        consumer: "obs-metrics",
        type: "wallpaper.changed.v1",
        action: "ack",
      }),
    ).toBe(1);
    expect(pointValue(after, METRICS.uploadsRejected.name, { reason: "unsupported_type" })).toBe(1);
    expect(pointValue(after, METRICS.uploadReceived.name)).toBe(4096);
    expect(pointValue(after, METRICS.mediaCacheRequests.name, { result: "miss" })).toBe(1);
    expect(pointValue(after, METRICS.dependencyUp.name, { dependency: "postgres" })).toBe(1);
    expect(pointValue(after, METRICS.dependencyUp.name, { dependency: "blob_store" })).toBe(0);
    const steps = pointValue(after, METRICS.stepDuration.name, { step: "variants" }) as Histogram | undefined;
    expect(steps?.sum).toBeCloseTo(0.25);
    const calls = pointValue(after, METRICS.trpcDuration.name, {
      procedure: "wallpaper.byId",
      status: "not_found",
    });
    expect((calls as Histogram | undefined)?.count).toBe(1);
  });
});
