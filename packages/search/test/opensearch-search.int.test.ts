import { Client } from "@opensearch-project/opensearch";
import { createLogger } from "@wallpaperdb/core/logger";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { afterAll, describe, it } from "vitest";
import { loadSearchEnv } from "../src/env.ts";
import { createOpenSearchSearch } from "../src/opensearch/opensearch-backend.ts";
import { searchContract } from "./contract.ts";
import { makeFixture } from "./fixture.ts";
import { seedFixture } from "./seed.ts";

// No OpenSearch server can run on the development machine; the same contract runs when one is given.
const url = loadSearchEnv().OPENSEARCH_URL;

describe.skipIf(url !== undefined)("search contract: opensearch", () => {
  it.skip("SKIPPED: set OPENSEARCH_URL to run the OpenSearch contract suite", () => {});
});

let database: TestDatabase | undefined;
let client: Client | undefined;

if (url !== undefined) {
  searchContract("opensearch", async () => {
    database = await createTestDatabase("wpdb_search_os");
    const rows = makeFixture();
    await seedFixture(database.db, rows);
    client = new Client({ node: url });
    const backend = createOpenSearchSearch({
      client,
      db: database.db,
      index: database.name.toLowerCase(),
      logger: createLogger("search-contract"),
      refresh: "wait_for",
    });
    await backend.reindexAll();
    return { backend, rows };
  });
}

afterAll(async () => {
  if (client && database)
    await client.indices.delete({ index: database.name.toLowerCase(), ignore_unavailable: true });
  await client?.close();
  await database?.drop();
});
