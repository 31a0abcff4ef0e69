import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@wallpaperdb/core/logger";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { connectNats, type NatsConnection } from "@wallpaperdb/events/connect";
import { createPostgresSearch } from "@wallpaperdb/search";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import type { ApiDeps } from "../src/index.ts";
import { testEnv } from "./env.ts";

export interface Harness {
  deps: ApiDeps;
  database: TestDatabase;
  close(): Promise<void>;
}

/** Real PostgreSQL (fresh database), real NATS and a local blob store in a temp folder. */
export async function openHarness(): Promise<Harness> {
  const database = await createTestDatabase("wpdb_api");
  const nats: NatsConnection = await connectNats({ url: testEnv.NATS_URL, name: "api-int-test" });
  const blobDir = await mkdtemp(join(tmpdir(), "wpdb-api-"));
  const blobStore = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://127.0.0.1:3000",
    signingSecret: "api-integration-test-secret",
  });
  const deps: ApiDeps = {
    db: database.db,
    sql: database.sql,
    nats,
    blobStore,
    logger: createLogger("api-test"),
    // The tests seed the tables and read them back: PostgreSQL is the index they search.
    search: createPostgresSearch(database.db),
  };
  return {
    deps,
    database,
    async close() {
      await nats.close();
      await database.drop();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}
