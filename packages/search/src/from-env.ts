import { Client } from "@opensearch-project/opensearch";
import type { Logger } from "@wallpaperdb/core/logger";
import type { Executor } from "@wallpaperdb/db";
import type { SearchBackend } from "./backend.ts";
import { loadSearchEnv } from "./env.ts";
import { createOpenSearchSearch } from "./opensearch/opensearch-backend.ts";
import { createPostgresSearch } from "./postgres/postgres-backend.ts";

/**
 * The only place that opens an OpenSearch client: SEARCH_BACKEND picks the adapter. Each host process
 * (web app, workers, CLI) calls it once at wiring time and passes the backend on as a dependency.
 */
export function createSearchBackendFromEnv(
  db: Executor,
  logger: Logger,
  source?: Record<string, string | undefined>,
): SearchBackend {
  const env = loadSearchEnv(source);
  if (env.SEARCH_BACKEND === "postgres" || env.OPENSEARCH_URL === undefined) return createPostgresSearch(db);
  return createOpenSearchSearch({
    client: new Client({ node: env.OPENSEARCH_URL }),
    db,
    index: env.OPENSEARCH_INDEX,
    logger,
  });
}
