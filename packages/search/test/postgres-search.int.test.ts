import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { afterAll } from "vitest";
import { createPostgresSearch } from "../src/postgres/postgres-backend.ts";
import { searchContract } from "./contract.ts";
import { makeFixture } from "./fixture.ts";
import { seedFixture } from "./seed.ts";

let database: TestDatabase | undefined;

searchContract("postgres", async () => {
  database = await createTestDatabase("wpdb_search");
  const rows = makeFixture();
  await seedFixture(database.db, rows);
  return { backend: createPostgresSearch(database.db), rows };
});

afterAll(async () => {
  await database?.drop();
});
