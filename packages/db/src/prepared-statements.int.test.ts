import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { wallpapers } from "./schema/index.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const missing = "00000000-0000-4000-8000-000000000000";

/** Runs drizzle statements (plain and in a transaction) on one connection; returns what it prepared. */
async function preparedAfterQueries(preparedStatements: boolean): Promise<string[]> {
  const handle = createDb(database.url, { max: 1, preparedStatements });
  try {
    for (let i = 0; i < 3; i++) {
      await handle.db.select({ id: wallpapers.id }).from(wallpapers).where(eq(wallpapers.id, missing));
    }
    await handle.db.transaction(async (tx) => {
      await tx.update(wallpapers).set({ sizeBytes: 1 }).where(eq(wallpapers.id, missing));
    });
    // unsafe without options runs unnamed, so this probe does not count itself; postgres.js prepares
    // its own begin/commit whatever the setting, so only the drizzle statements are looked at.
    const rows = await handle.sql.unsafe<{ statement: string }[]>(
      "select statement from pg_prepared_statements where statement like '%wallpapers%' order by prepare_time",
    );
    return rows.map((row) => row.statement);
  } finally {
    await handle.close();
  }
}

describe("createDb preparedStatements", () => {
  it("prepares each drizzle statement once per connection, in transactions too", async () => {
    const statements = await preparedAfterQueries(true);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^select "id" from "wallpapers"/);
    expect(statements[1]).toMatch(/^update "wallpapers"/);
  });

  it("leaves drizzle's statements unnamed by default", async () => {
    expect(await preparedAfterQueries(false)).toEqual([]);
  });
});
