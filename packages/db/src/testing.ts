import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb, type DbHandle } from "./client.ts";
import { loadDbEnv } from "./env.ts";
import { runMigrations } from "./migrate.ts";

export interface TestDatabase extends DbHandle {
  url: string;
  name: string;
  /** Closes connections and drops the database. */
  drop(): Promise<void>;
}

function adminUrl(base: string): string {
  const url = new URL(base);
  url.pathname = "/postgres";
  return url.toString();
}

/** A fresh, migrated database for one test file, on the machine's real PostgreSQL. */
export async function createTestDatabase(prefix = "wpdb_test"): Promise<TestDatabase> {
  const base = loadDbEnv().DATABASE_URL;
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end({ timeout: 5 });
  const url = new URL(base);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  const handle = createDb(url.toString(), { max: 5, applicationName: "wallpaperdb-test" });
  return {
    ...handle,
    url: url.toString(),
    name,
    async drop() {
      await handle.close();
      const sql = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end({ timeout: 5 });
    },
  };
}
