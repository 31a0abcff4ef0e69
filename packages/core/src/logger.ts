import { type Logger, pino } from "pino";
import { loadCoreEnv } from "./env.ts";

export type { Logger };

/** One JSON logger per process; children carry the component name. */
export function createLogger(name: string, level?: string): Logger {
  const env = loadCoreEnv();
  return pino({
    name,
    level: level ?? (env.NODE_ENV === "test" ? "warn" : env.LOG_LEVEL),
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
