import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createCaller, createTRPCContext, type TRPCContext } from "@wallpaperdb/api";
import { createLogger, type Logger } from "@wallpaperdb/core/logger";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import { createPostgresSearch } from "@wallpaperdb/search";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";

export interface Stack {
  database: TestDatabase;
  bus: TestBus;
  logger: Logger;
  /** Every JSON line the logger wrote, parsed. */
  logLines: Record<string, unknown>[];
  /** The real appRouter as an anonymous caller, or as `user`. */
  api(user?: Omit<NonNullable<TRPCContext["user"]>, "via">): Promise<ReturnType<typeof createCaller>>;
  close(): Promise<void>;
}

/** Real PostgreSQL (fresh database), real NATS (own namespace), the real appRouter. */
export async function openStack(): Promise<Stack> {
  const database = await createTestDatabase("wpdb_obs");
  const bus = await createTestBus();
  const blobDir = await mkdtemp(join(tmpdir(), "wpdb-obs-"));
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger("observability-test", "info", sink);
  const blobStore = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://127.0.0.1:3000",
    signingSecret: "observability-test-secret",
  });
  const search = createPostgresSearch(database.db);
  const deps = { db: database.db, sql: database.sql, nats: bus.nc, blobStore, logger, search };
  return {
    database,
    bus,
    logger,
    logLines,
    api: async (user) => {
      const ctx = await createTRPCContext({ headers: new Headers(), deps });
      return createCaller(user ? { ...ctx, user: { ...user, via: "session" } } : ctx);
    },
    async close() {
      await bus.cleanup();
      await database.drop();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}
