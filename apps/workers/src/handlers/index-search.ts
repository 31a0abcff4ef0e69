import type { Database } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import { partitionVisible, type SearchBackend } from "@wallpaperdb/search";

export interface IndexSearchDeps {
  db: Database;
  search: SearchBackend;
}

const POSTGRES_SKIP: HandlerResult = { status: "skipped", reason: "PostgreSQL is the search index" };

/**
 * Puts a processed wallpaper into the search index. Indexing reads the current rows and overwrites the
 * document by id, so redeliveries are harmless. With the PostgreSQL backend the tables are the index.
 */
export async function handleProcessedIndexSearch(
  deps: IndexSearchDeps,
  event: EventEnvelope<"wallpaper.processed.v1">,
): Promise<HandlerResult> {
  if (deps.search.name === "postgres") return POSTGRES_SKIP;
  await deps.search.index(event.data.wallpaperId);
  return { status: "done" };
}

/**
 * Tags or moderation changed for a batch of wallpapers: index the visible ones in one bulk request and
 * remove the others (a rejection). The event only names ids, never the new state, so
 * events arriving late or twice still leave the index matching the tables at the time of handling.
 */
export async function handleChangedIndexSearch(
  deps: IndexSearchDeps,
  event: EventEnvelope<"wallpaper.changed.v1">,
): Promise<HandlerResult> {
  if (deps.search.name === "postgres") return POSTGRES_SKIP;
  const { visible, hidden } = await partitionVisible(deps.db, event.data.wallpaperIds);
  await deps.search.indexMany(visible);
  await deps.search.remove(hidden);
  return { status: "done" };
}
