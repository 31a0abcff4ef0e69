/**
 * Next.js instrumentation hook: runs once per server process before the first request. Refuses to
 * start on a bad setting (every variable's problem in one message, exit code 1). Starts the
 * OpenTelemetry SDK when OTEL_EXPORTER_OTLP_ENDPOINT is set (off and free otherwise); Next.js then adds
 * its own HTTP request spans, and tRPC, outbox writes and logs join the same traces.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined by Next at build time, not read from the environment at run time;
  // the edge runtime cannot load the Node SDK, so it gets nothing.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad setting stops the server before it listens, naming the variable (not while building).
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { checkWebConfiguration } = await import("./server/config-check.ts");
    const problem = checkWebConfiguration(process.env);
    if (problem) {
      process.stderr.write(`${problem.message}\n`);
      process.exit(1);
    }
  }
  const { telemetryWanted } = await import("@wallpaperdb/telemetry/env");
  if (!telemetryWanted()) return;
  const { flushTelemetryOnExit, startTelemetry } = await import("@wallpaperdb/telemetry/sdk");
  const telemetry = startTelemetry({ serviceName: "wallpaperdb-web" });
  // `next start` exits on SIGTERM right after draining; without this the last batch of spans is lost.
  if (telemetry.mode !== "off") flushTelemetryOnExit();
}
