import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "@wallpaperdb/core/free-port";
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

/**
 * A fresh, migrated database for one test file, on the machine's real PostgreSQL (or on `server`, a
 * private one from startPostgresServer).
 */
export async function createTestDatabase(
  prefix = "wpdb_test",
  server: { url: string } | null = null,
): Promise<TestDatabase> {
  const base = server?.url ?? loadDbEnv().DATABASE_URL;
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

const run = promisify(execFile);

export interface TestPostgresServer {
  /** The server's `postgres` database; createTestDatabase(prefix, server) makes one of its own. */
  url: string;
  /** An immediate restart, as after a crash: every connection drops, the server recovers from its WAL. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A private PostgreSQL cluster (Debian's binaries, run as the postgres user when this is root), for
 * fault tests that restart the database without disturbing the shared one.
 */
export async function startPostgresServer(): Promise<TestPostgresServer> {
  const versions = (await readdir("/usr/lib/postgresql")).sort((a, b) => Number(b) - Number(a));
  const bin = `/usr/lib/postgresql/${versions[0]}/bin`;
  const dir = await mkdtemp(join(tmpdir(), "wpdb-pg-"));
  const root = process.getuid?.() === 0;
  if (root) await chown(dir, ...(await postgresIds()));
  const as = (command: string, args: string[]) =>
    root
      ? run("runuser", ["-u", "postgres", "--", `${bin}/${command}`, ...args])
      : run(`${bin}/${command}`, args);
  const port = await freePort();
  const data = join(dir, "data");
  await as("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) => as("pg_ctl", ["-D", data, "-w", "-t", "60", ...args]);
  await pgCtl("-o", options, "-l", join(dir, "log"), "start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      await pgCtl("-m", "immediate", "-o", options, "-l", join(dir, "log"), "restart");
    },
    async dispose() {
      await pgCtl("-m", "immediate", "stop").catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: group } = await run("id", ["-g", "postgres"]);
  return [Number(stdout.trim()), Number(group.trim())];
}
