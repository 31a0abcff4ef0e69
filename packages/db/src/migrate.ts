import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { createDb } from "./client.ts";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_ID = 7_262_010;

/** Creates the database named in `url` when it does not exist yet (local and test set-ups). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name))
    throw new Error(`Refusing to create database with unusual name "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) {
      await sql.unsafe(`create database "${name}"`).catch((error: { code?: string }) => {
        // Another process created it between our check and our create.
        if (error.code !== "42P04") throw error;
      });
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Applies every committed migration once; safe to call from several processes at the same time. */
export async function runMigrations(url: string): Promise<void> {
  const handle = createDb(url, { max: 1, applicationName: "wallpaperdb-migrate" });
  try {
    await handle.sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(handle.db, { migrationsFolder });
    await handle.sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await handle.close();
  }
}
