// The light entry point: only @opentelemetry/api. Importing it never starts an SDK or opens a socket;
// start the SDK from `@wallpaperdb/telemetry/sdk` in a process entry point.
export * from "./metrics.ts";
export * from "./observers.ts";
export * from "./tracing.ts";
