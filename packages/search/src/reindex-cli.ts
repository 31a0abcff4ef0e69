import { createLogger } from "@wallpaperdb/core/logger";
import { createDb } from "@wallpaperdb/db/client";
import { loadDbEnv } from "@wallpaperdb/db/env";
import { createSearchBackendFromEnv } from "./from-env.ts";

// `pnpm search:reindex`: rebuilds the search index from PostgreSQL (after tag edits, moderation, or a
// mapping change). With SEARCH_BACKEND=postgres there is nothing to build; it reports what is searchable.
const log = createLogger("search-reindex");
const handle = createDb(loadDbEnv().DATABASE_URL, { max: 2, applicationName: "wallpaperdb-search-reindex" });
const backend = createSearchBackendFromEnv(handle.db, log);
const started = performance.now();
try {
  const indexed = await backend.reindexAll();
  log.info(
    { backend: backend.name, indexed, ms: Math.round(performance.now() - started) },
    "search index rebuilt",
  );
} catch (error) {
  log.error({ err: error }, "search reindex failed");
  process.exitCode = 1;
} finally {
  await backend.close?.();
  await handle.close();
}
