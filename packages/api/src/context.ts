import type { Logger } from "@wallpaperdb/core/logger";
import type { Database, DbHandle } from "@wallpaperdb/db";
import type { NatsConnection } from "@wallpaperdb/events/connect";
import type { IngestServices } from "@wallpaperdb/ingest";
import type { BlobStore } from "@wallpaperdb/storage";

/** Everything a procedure may touch, opened by the host process (web app, tests), never by this package. */
export interface ApiDeps {
  db: Database;
  sql: DbHandle["sql"];
  nats: NatsConnection;
  blobStore: BlobStore;
  logger: Logger;
  /** Upload staging, media limits and upload settings; without it the upload procedures answer 503. */
  ingest?: IngestServices;
}

export type UserRole = "user" | "curator" | "admin";

export interface SessionUser {
  id: string;
  role: UserRole;
}

export interface TRPCContext extends ApiDeps {
  headers: Headers;
  /** Accounts arrive in a later issue; until then every caller is anonymous. */
  user: SessionUser | null;
}

export interface CreateContextOptions {
  headers: Headers;
  deps: ApiDeps;
}

export async function createTRPCContext(options: CreateContextOptions): Promise<TRPCContext> {
  return { ...options.deps, headers: options.headers, user: null };
}
