/**
 * Every instrument the code records, by name, in one place. Dashboards and alert rules are checked
 * against `prometheusSeries()` in a test, so a renamed metric cannot silently empty a panel.
 */
export type InstrumentKind = "counter" | "histogram" | "gauge";

export interface MetricDefinition {
  name: string;
  kind: InstrumentKind;
  unit: string;
  description: string;
  /** Attribute keys the code sets; all have small, fixed value sets. */
  labels: readonly string[];
}

function define(
  name: string,
  kind: InstrumentKind,
  unit: string,
  labels: readonly string[],
  description: string,
): MetricDefinition {
  return { name, kind, unit, labels, description };
}

export const METRICS = {
  uploadsAccepted: define("wallpaperdb.uploads.accepted", "counter", "{upload}", [], "Uploads accepted"),
  uploadsRejected: define(
    "wallpaperdb.uploads.rejected",
    "counter",
    "{upload}",
    ["reason"],
    "Uploads rejected, by error code",
  ),
  uploadReceived: define("wallpaperdb.upload.received", "counter", "By", [], "Bytes received from uploaders"),
  uploadDuration: define(
    "wallpaperdb.upload.duration",
    "histogram",
    "s",
    ["outcome"],
    "Upload completion time, accepted or rejected",
  ),
  stepDuration: define(
    "wallpaperdb.processing.step.duration",
    "histogram",
    "s",
    ["step"],
    "Processing time per pipeline step",
  ),
  stepFailures: define(
    "wallpaperdb.processing.step.failures",
    "counter",
    "{failure}",
    ["step"],
    "Failed processing step runs",
  ),
  outboxBacklog: define(
    "wallpaperdb.outbox.backlog",
    "gauge",
    "{event}",
    [],
    "Outbox rows not yet published",
  ),
  outboxOldestAge: define(
    "wallpaperdb.outbox.oldest_age",
    "gauge",
    "s",
    [],
    "Age of the oldest unpublished outbox row",
  ),
  outboxPublished: define(
    "wallpaperdb.outbox.published",
    "counter",
    "{event}",
    ["type"],
    "Events the relay published",
  ),
  outboxPublishFailures: define(
    "wallpaperdb.outbox.publish_failures",
    "counter",
    "{event}",
    ["type"],
    "Relay publish attempts that failed",
  ),
  consumerLag: define(
    "wallpaperdb.consumer.lag",
    "gauge",
    "{message}",
    ["consumer"],
    "Messages waiting for a durable consumer (num_pending)",
  ),
  eventsHandled: define(
    "wallpaperdb.events.handled",
    "counter",
    "{event}",
    ["consumer", "type", "action"],
    "Deliveries settled, by ack/nak/term",
  ),
  eventHandlerDuration: define(
    "wallpaperdb.events.handler.duration",
    "histogram",
    "s",
    ["consumer", "type"],
    "Event handler run time",
  ),
  searchDuration: define("wallpaperdb.search.duration", "histogram", "s", [], "Search latency"),
  mediaCacheRequests: define(
    "wallpaperdb.media_cache.requests",
    "counter",
    "{request}",
    ["result"],
    "Media cache lookups, result=hit|miss",
  ),
  trpcDuration: define(
    "wallpaperdb.trpc.duration",
    "histogram",
    "s",
    ["procedure", "status"],
    "tRPC procedure time, status=ok or error code",
  ),
  dependencyUp: define(
    "wallpaperdb.dependency.up",
    "gauge",
    "{up}",
    ["dependency"],
    "1 when the dependency answered its probe",
  ),
  dependencyProbeDuration: define(
    "wallpaperdb.dependency.probe.duration",
    "gauge",
    "s",
    ["dependency"],
    "Time the last probe took",
  ),
} as const;

export type MetricKey = keyof typeof METRICS;

/** Metric names as constants for callers that refer to them (dashboards, tests). */
export const METRIC_NAMES = Object.fromEntries(
  Object.entries(METRICS).map(([key, metric]) => [key, metric.name]),
) as { readonly [K in MetricKey]: string };

// The OTLP→Prometheus conversion (Prometheus OTLP receiver / collector remote-write with suffixes):
// UCUM units become words, annotations in braces ({upload}) add nothing, "1" on a gauge becomes _ratio.
const UNIT_WORDS: Record<string, string> = { s: "seconds", ms: "milliseconds", By: "bytes" };

/** The Prometheus base name otel-lgtm stores for an OTel metric (dots → underscores, unit, _total). */
export function prometheusName(metric: MetricDefinition): string {
  let name = metric.name.replace(/[^a-zA-Z0-9_:]/g, "_");
  const unit = UNIT_WORDS[metric.unit];
  if (unit && !name.endsWith(`_${unit}`)) name = `${name}_${unit}`;
  if (metric.unit === "1" && metric.kind === "gauge") name = `${name}_ratio`;
  if (metric.kind === "counter") name = `${name}_total`;
  return name;
}

/** Every series name a query may use: histograms expose _bucket/_sum/_count. */
export function prometheusSeries(): Map<string, MetricDefinition> {
  const series = new Map<string, MetricDefinition>();
  for (const metric of Object.values(METRICS)) {
    const base = prometheusName(metric);
    if (metric.kind === "histogram") {
      for (const suffix of ["_bucket", "_sum", "_count"]) series.set(base + suffix, metric);
    } else series.set(base, metric);
  }
  return series;
}
