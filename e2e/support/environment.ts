import { ensureDatabase, runMigrations } from "@wallpaperdb/db/migrate";
import { busNames } from "@wallpaperdb/events";
import { connectNats, jetStreamClients } from "@wallpaperdb/events/connect";
import postgres from "postgres";

export interface E2eEnvironment {
  databaseUrl: string;
  natsUrl: string | readonly string[];
  namespace: string;
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  // Dropping is destructive: only ever a database whose name says it belongs to end-to-end tests.
  if (!/^[a-z0-9_]*_e2e$/.test(name)) throw new Error(`Refusing to drop "${name}": not an *_e2e database`);
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Outbox ids restart at 1 in a fresh database, and the relay uses them as Nats-Msg-Id; a stream left
 * from an earlier run would silently drop the new events as duplicates. So the stream goes too.
 */
async function deleteStream(natsUrl: string | readonly string[], namespace: string): Promise<void> {
  const nc = await connectNats({ url: natsUrl, name: "wallpaperdb-e2e-reset" });
  try {
    const { jsm } = await jetStreamClients(nc);
    const { stream } = busNames(namespace);
    const names: string[] = [];
    for await (const name of jsm.streams.names()) names.push(name);
    if (names.includes(stream)) await jsm.streams.delete(stream);
  } finally {
    await nc.close();
  }
}

/** A clean, migrated database and an empty event stream, used only by end-to-end runs. */
export async function resetE2eEnvironment(env: E2eEnvironment): Promise<void> {
  if (!env.namespace.endsWith("_e2e")) throw new Error(`Refusing to reset namespace "${env.namespace}"`);
  await dropDatabase(env.databaseUrl);
  await ensureDatabase(env.databaseUrl);
  await runMigrations(env.databaseUrl);
  await deleteStream(env.natsUrl, env.namespace);
}

/** Idempotent check that the database exists and carries every migration. */
export async function ensureE2eDatabase(databaseUrl: string): Promise<void> {
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
}
