import { envField, parseEnv } from "@wallpaperdb/core/env";
import { type DbEnv, loadDbEnv } from "@wallpaperdb/db/env";
import { type EventsEnv, loadEventsEnv } from "@wallpaperdb/events/env";
import { z } from "zod";

// Read lazily (on first request), so `next build` never needs the runtime configuration.
const schema = z.object({
  PORT: envField.port().default(3000),
  PUBLIC_BASE_URL: envField.url(["http", "https"]).default("http://localhost:3000"),
  READY_CHECK_TIMEOUT_MS: envField.positiveInt().default(2000),
});

export type WebEnv = z.infer<typeof schema> & DbEnv & EventsEnv;

let cached: WebEnv | undefined;

export function loadWebEnv(source: Record<string, string | undefined>): WebEnv {
  return { ...parseEnv(schema, source), ...loadDbEnv(source), ...loadEventsEnv(source) };
}

export function webEnv(): WebEnv {
  cached ??= loadWebEnv(process.env);
  return cached;
}

/** The storage package validates its own variables; it gets the raw environment from here. */
export function rawEnv(): Record<string, string | undefined> {
  return process.env;
}
