import { createLogger } from "@wallpaperdb/core/logger";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { createPostgresSearch } from "@wallpaperdb/search";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleProcessedIndexSearch } from "../src/handlers/index-search.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("wpdb_index_search");
});
afterAll(async () => {
  await database?.drop();
});

describe("index-search handler", () => {
  it("acks as skipped with the PostgreSQL backend (the tables are the index)", async () => {
    const event = {
      id: "00000000-0000-4000-8000-000000000001",
      type: "wallpaper.processed.v1" as const,
      occurredAt: new Date().toISOString(),
      data: { wallpaperId: "00000000-0000-4000-8000-000000000002", processedAt: new Date().toISOString() },
    };
    const deps = { db: database.db, logger: createLogger("index-search-test") };
    const viaEnv = await handleProcessedIndexSearch(deps, event as never);
    expect(viaEnv).toEqual({ status: "skipped", reason: "PostgreSQL is the search index" });
    const explicit = await handleProcessedIndexSearch(
      { ...deps, search: createPostgresSearch(database.db) },
      event as never,
    );
    expect(explicit.status).toBe("skipped");
  });
});
