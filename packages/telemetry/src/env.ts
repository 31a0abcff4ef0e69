import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

// Standard OpenTelemetry variable names, so the usual tooling and docs apply unchanged.
const schema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: envField.url(["http", "https"]).optional(),
  OTEL_SDK_DISABLED: envField.boolean().default(false),
  OTEL_METRIC_EXPORT_INTERVAL: envField.positiveInt().default(60_000),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});

export type TelemetryEnv = z.infer<typeof schema>;

export function loadTelemetryEnv(source: Record<string, string | undefined> = process.env): TelemetryEnv {
  return parseEnv(schema, source);
}

/**
 * Whether a process entry point should load the SDK at all (`@wallpaperdb/telemetry/sdk`). Importing it
 * costs ~14 MB of V8 heap even when it stays off, and a worker's full collections mark that heap once
 * or twice per image, so entry points import it only when it will run.
 */
export function telemetryWanted(env: TelemetryEnv = loadTelemetryEnv()): boolean {
  return !env.OTEL_SDK_DISABLED && env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined;
}
