import { type Attributes, type Counter, type Histogram, type Meter, metrics } from "@opentelemetry/api";
import { METRICS, type MetricDefinition } from "./metric-catalog.ts";

export { METRIC_NAMES, METRICS, prometheusName, prometheusSeries } from "./metric-catalog.ts";

const METER_NAME = "wallpaperdb";

interface Instruments {
  meter: Meter;
  uploadsAccepted: Counter;
  uploadsRejected: Counter;
  uploadReceived: Counter;
  uploadDuration: Histogram;
  stepDuration: Histogram;
  stepFailures: Counter;
  outboxPublished: Counter;
  outboxPublishFailures: Counter;
  eventsHandled: Counter;
  eventHandlerDuration: Histogram;
  searchDuration: Histogram;
  mediaCacheRequests: Counter;
  trpcDuration: Histogram;
}

const counter = (meter: Meter, m: MetricDefinition) =>
  meter.createCounter(m.name, { unit: m.unit, description: m.description });
const histogram = (meter: Meter, m: MetricDefinition) =>
  meter.createHistogram(m.name, { unit: m.unit, description: m.description });

let cache: { provider: unknown; instruments: Instruments } | undefined;

/**
 * The API has no proxy meter provider: instruments made before startTelemetry() would stay no-ops
 * forever. So they are (re)made whenever the global provider changes; otherwise this is one lookup.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cache?.provider === provider) return cache.instruments;
  const meter = provider.getMeter(METER_NAME);
  const made: Instruments = {
    meter,
    uploadsAccepted: counter(meter, METRICS.uploadsAccepted),
    uploadsRejected: counter(meter, METRICS.uploadsRejected),
    uploadReceived: counter(meter, METRICS.uploadReceived),
    uploadDuration: histogram(meter, METRICS.uploadDuration),
    stepDuration: histogram(meter, METRICS.stepDuration),
    stepFailures: counter(meter, METRICS.stepFailures),
    outboxPublished: counter(meter, METRICS.outboxPublished),
    outboxPublishFailures: counter(meter, METRICS.outboxPublishFailures),
    eventsHandled: counter(meter, METRICS.eventsHandled),
    eventHandlerDuration: histogram(meter, METRICS.eventHandlerDuration),
    searchDuration: histogram(meter, METRICS.searchDuration),
    mediaCacheRequests: counter(meter, METRICS.mediaCacheRequests),
    trpcDuration: histogram(meter, METRICS.trpcDuration),
  };
  cache = { provider, instruments: made };
  return made;
}

const seconds = (ms: number) => ms / 1000;

export function recordUploadAccepted(): void {
  instruments().uploadsAccepted.add(1);
}

/** `reason` must be a stable error code (e.g. "unsupported_type"), never a free-form message. */
export function recordUploadRejected(reason: string): void {
  instruments().uploadsRejected.add(1, { reason });
}

export function recordBytesReceived(bytes: number): void {
  if (bytes > 0) instruments().uploadReceived.add(bytes);
}

export function recordUploadDuration(outcome: "accepted" | "rejected", ms: number): void {
  instruments().uploadDuration.record(seconds(ms), { outcome });
}

export function recordStepDuration(step: string, ms: number): void {
  instruments().stepDuration.record(seconds(ms), { step });
}

export function recordStepFailure(step: string): void {
  instruments().stepFailures.add(1, { step });
}

export function recordSearchLatency(ms: number): void {
  instruments().searchDuration.record(seconds(ms));
}

export function recordMediaCache(result: "hit" | "miss"): void {
  instruments().mediaCacheRequests.add(1, { result });
}

export function recordOutboxPublished(type: string, ok: boolean): void {
  const instrument = ok ? instruments().outboxPublished : instruments().outboxPublishFailures;
  instrument.add(1, { type });
}

export function recordEventHandled(
  attrs: { consumer: string; type: string; action: string },
  ms: number,
): void {
  instruments().eventsHandled.add(1, attrs);
  instruments().eventHandlerDuration.record(seconds(ms), { consumer: attrs.consumer, type: attrs.type });
}

export function recordTrpcCall(procedure: string, status: string, ms: number): void {
  const attrs: Attributes = { procedure, status };
  instruments().trpcDuration.record(seconds(ms), attrs);
}
