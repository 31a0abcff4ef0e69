import { context, metrics, propagation, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { type IMetricReader, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { NodeSDK } from "@opentelemetry/sdk-node";
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace";
import { loadTelemetryEnv, type TelemetryEnv } from "./env.ts";

export interface StartTelemetryOptions {
  /** service.name on every span and metric (OTEL_SERVICE_NAME wins when set, as the spec says). */
  serviceName: string;
  /** Tests pass an InMemorySpanExporter; spans are then exported synchronously as they end. */
  traceExporter?: SpanExporter;
  /** Tests pass a reader they collect from; otherwise OTLP/HTTP every OTEL_METRIC_EXPORT_INTERVAL. */
  metricReader?: IMetricReader;
  env?: TelemetryEnv;
}

export interface TelemetryHandle {
  /** "otlp" or "custom" when started, "off" when nothing was configured. */
  mode: "otlp" | "custom" | "off";
}

let sdk: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry SDK once per process. Without OTEL_EXPORTER_OTLP_ENDPOINT (and without
 * exporters passed in) nothing is started: the API stays on its no-op providers, so spans and metric
 * calls cost a function call. Call it before opening connections, so their code runs traced.
 */
export function startTelemetry(options: StartTelemetryOptions): TelemetryHandle {
  const env = options.env ?? loadTelemetryEnv();
  const custom = options.traceExporter !== undefined || options.metricReader !== undefined;
  if (sdk) return { mode: custom ? "custom" : "otlp" };
  if (env.OTEL_SDK_DISABLED || (!custom && !env.OTEL_EXPORTER_OTLP_ENDPOINT)) return { mode: "off" };

  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, "");
  const spanProcessors = options.traceExporter
    ? [new SimpleSpanProcessor({ exporter: options.traceExporter })]
    : endpoint
      ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }) })]
      : [];
  const metricReaders: IMetricReader[] = options.metricReader
    ? [options.metricReader]
    : endpoint
      ? [
          new PeriodicExportingMetricReader({
            exporter: new OTLPMetricExporter({ url: `${endpoint}/v1/metrics` }),
            exportIntervalMillis: env.OTEL_METRIC_EXPORT_INTERVAL,
          }),
        ]
      : [];

  sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? options.serviceName,
    spanProcessors,
    metricReaders,
    // Logs stay on stdout (pino JSON with trace ids); the collector or Docker ships them.
    logRecordProcessors: [],
    textMapPropagator: new W3CTraceContextPropagator(),
    // No monkey-patching auto-instrumentation: spans come from tRPC, the relay, the consumers and
    // withSpan() around the calls worth seeing (Next.js adds its own HTTP spans when a provider exists).
    instrumentations: [],
  });
  sdk.start();
  return { mode: custom ? "custom" : "otlp" };
}

/** Flushes what is buffered and unregisters the providers, so a later startTelemetry() works again. */
export async function shutdownTelemetry(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  if (!running) return;
  try {
    await running.shutdown();
  } finally {
    trace.disable();
    metrics.disable();
    propagation.disable();
    context.disable();
  }
}

let exitHookInstalled = false;

/**
 * Makes SIGTERM/SIGINT export what the batch span processor still holds. `next start` answers those
 * signals itself: it closes the server (in-flight requests finish and end their spans) and then calls
 * `process.exit(143)`, so a listener of ours cannot await anything. Instead the first signal defers that
 * exit until shutdownTelemetry() has flushed, at most `timeoutMs`; spans ended while the server drains
 * are flushed too. With no other listener for the signal, the hook exits itself after the flush (a
 * listener replaces Node's default "terminate on signal").
 */
export function flushTelemetryOnExit(timeoutMs = 5_000): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    const exit = process.exit.bind(process);
    let flushing: Promise<void> | undefined;
    const flushThenExit = (code?: number | string | null) => {
      flushing ??= Promise.race([
        shutdownTelemetry().catch(() => {}),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
      void flushing.then(() => exit(code ?? undefined));
    };
    process.exit = flushThenExit as typeof process.exit;
    if (process.listenerCount(signal) === 0) flushThenExit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
