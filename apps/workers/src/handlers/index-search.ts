import type { Logger } from "@wallpaperdb/core/logger";
import type { Database } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import type { SearchBackend } from "@wallpaperdb/search";
import { searchBackendFor } from "@wallpaperdb/search/from-env";

export interface IndexSearchDeps {
  db: Database;
  logger: Logger;
  /** defaults to the backend SEARCH_BACKEND selects */
  search?: SearchBackend;
}

/**
 * Puts a processed wallpaper into the search index. Indexing reads the current rows and overwrites the
 * document by id, so redeliveries are harmless. With the PostgreSQL backend the tables are the index.
 * Tag edits, moderation changes and deletions publish no event yet: `pnpm search:reindex` rebuilds
 * the OpenSearch index after them (see packages/search/README.md).
 */
export async function handleProcessedIndexSearch(
  deps: IndexSearchDeps,
  event: EventEnvelope<"wallpaper.processed.v1">,
): Promise<HandlerResult> {
  const backend = deps.search ?? searchBackendFor(deps.db, deps.logger);
  if (backend.name === "postgres") return { status: "skipped", reason: "PostgreSQL is the search index" };
  await backend.index(event.data.wallpaperId);
  return { status: "done" };
}
