/**
 * Next.js instrumentation hook: runs once per server process before the first request. Starts the
 * OpenTelemetry SDK when OTEL_EXPORTER_OTLP_ENDPOINT is set (off and free otherwise); Next.js then adds
 * its own HTTP request spans, and tRPC, outbox writes and logs join the same traces.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined by Next at build time, not read from the environment at run time;
  // the edge runtime cannot load the Node SDK, so it gets nothing.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { telemetryWanted } = await import("@wallpaperdb/telemetry/env");
  if (!telemetryWanted()) return;
  const { flushTelemetryOnExit, startTelemetry } = await import("@wallpaperdb/telemetry/sdk");
  const telemetry = startTelemetry({ serviceName: "wallpaperdb-web" });
  // `next start` exits on SIGTERM right after draining; without this the last batch of spans is lost.
  if (telemetry.mode !== "off") flushTelemetryOnExit();
}
