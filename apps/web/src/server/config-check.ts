import { loadAuthSettings } from "@wallpaperdb/auth/env";
import { ConfigError } from "@wallpaperdb/core/env";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { loadEventsEnv } from "@wallpaperdb/events/env";
import { loadIngestSettings } from "@wallpaperdb/ingest/env";
import { loadMediaLimits } from "@wallpaperdb/media/env";
import { loadSearchEnv } from "@wallpaperdb/search/env";
import { loadStorageEnv } from "@wallpaperdb/storage/from-env";
import { loadTelemetryEnv } from "@wallpaperdb/telemetry/env";
import { loadWebEnv } from "../env.ts";

type EnvSource = Record<string, string | undefined>;

/**
 * Every setting the web app reads, validated at once, so a deployment with a bad one stops at start-up
 * with a message naming each variable (as the workers do) instead of answering every request with a
 * generic 500. Each package keeps its own schema; this only runs them all.
 */
export function checkWebConfiguration(source: EnvSource): ConfigError | null {
  const loaders: ((source: EnvSource) => unknown)[] = [
    // The web app's own settings first: it throws on the first of its parts that fails, so the
    // database's and the bus's are run on their own too (a variable reported twice is named once).
    loadWebEnv,
    loadDbEnv,
    loadEventsEnv,
    loadAuthSettings,
    loadStorageEnv,
    loadIngestSettings,
    loadMediaLimits,
    loadSearchEnv,
    loadTelemetryEnv,
  ];
  const issues: ConfigError["issues"][number][] = [];
  for (const load of loaders) {
    try {
      load(source);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const issue of error.issues)
        if (!issues.some((known) => known.variable === issue.variable)) issues.push(issue);
    }
  }
  return issues.length > 0 ? new ConfigError(issues) : null;
}
