import { trace } from "@opentelemetry/api";
import { type DestinationStream, type Logger, pino } from "pino";
import { loadCoreEnv } from "./env.ts";

export type { Logger };

/**
 * Ids of the span active when the line is written, so a log line leads to its trace (and back).
 * With telemetry off there is never an active span, and this adds nothing.
 */
function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  if (!trace.isSpanContextValid(ids)) return {};
  return { trace_id: ids.traceId, span_id: ids.spanId };
}

/** One JSON logger per process; children carry the component name. */
export function createLogger(name: string, level?: string, destination?: DestinationStream): Logger {
  const env = loadCoreEnv();
  const options = {
    name,
    level: level ?? (env.NODE_ENV === "test" ? "warn" : env.LOG_LEVEL),
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: traceFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
