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
