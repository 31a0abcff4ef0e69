import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "./migrate.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

describe("migrations", () => {
  it("create every core table", async () => {
    const rows = await testDb.sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "audit_log",
        "event_failures",
        "outbox",
        "processing_steps",
        "tag_aliases",
        "tag_implications",
        "tags",
        "uploads",
        "users",
        "variants",
        "wallpaper_tags",
        "wallpapers",
      ]),
    );
    // The walking skeleton's table is dropped by a later migration.
    expect(rows.map((r) => r.table_name)).not.toContain("pings");
  });

  it("are idempotent and safe to run concurrently", async () => {
    await Promise.all([runMigrations(testDb.url), runMigrations(testDb.url)]);
    const [row] = await testDb.sql<
      { n: number }[]
    >`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(row?.n).toBeGreaterThan(0);
  });

  it("refuse a second wallpaper with the same content hash", async () => {
    const sha = "a".repeat(64);
    const insert = () => testDb.sql`
      insert into wallpapers (sha256, media_type, mime_type, original_key, size_bytes, width, height)
      values (${sha}, 'image', 'image/png', ${`originals/${Math.random()}`}, 10, 1, 1)`;
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: "23505" });
  });
});
