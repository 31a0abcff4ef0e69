import type { AuthServices, Caller } from "@wallpaperdb/auth";
import { resolveRequestUser } from "@wallpaperdb/auth";
import { AppError } from "@wallpaperdb/core/errors";
import type { Logger } from "@wallpaperdb/core/logger";
import type { Database, DbHandle } from "@wallpaperdb/db";
import type { EventBusNames } from "@wallpaperdb/events";
import type { NatsConnection } from "@wallpaperdb/events/connect";
import type { IngestServices } from "@wallpaperdb/ingest";
import type { SearchBackend } from "@wallpaperdb/search";
import type { BlobStore } from "@wallpaperdb/storage";
import { toTRPCError } from "./errors.ts";

/** Everything a procedure may touch, opened by the host process (web app, tests), never by this package. */
export interface ApiDeps {
  db: Database;
  sql: DbHandle["sql"];
  nats: NatsConnection;
  blobStore: BlobStore;
  logger: Logger;
  /** The gallery search index (PostgreSQL or OpenSearch), chosen once by the host. */
  search: SearchBackend;
  /** Upload staging, media limits and upload settings; without it the upload procedures answer 503. */
  ingest?: IngestServices;
  /** Sessions (better-auth) and rate-limit settings; without it only API keys identify callers. */
  auth?: AuthServices;
  /** The event stream's names; without them live progress and the system page answer 503. */
  events?: EventBusNames;
  /** The host's own dependency checks (the web app's /api/ready), shown on the admin system page. */
  checkReadiness?: () => Promise<ReadinessReport>;
}

export interface ReadinessReport {
  ok: boolean;
  checks: { name: string; label: string; ok: boolean; latencyMs: number; detail: string }[];
}

export interface TRPCContext extends ApiDeps {
  headers: Headers;
  /** Resolved once per request from `authorization: Bearer <api key>` or the session cookie. */
  user: Caller | null;
}

export interface CreateContextOptions {
  headers: Headers;
  deps: ApiDeps;
}

/** Throws AppError("unauthorized") for a bearer token that is not a live API key. */
export async function createTRPCContext(options: CreateContextOptions): Promise<TRPCContext> {
  const user = await resolveRequestUser(options.deps.db, options.deps.auth?.auth, options.headers).catch(
    (error: unknown) => {
      throw error instanceof AppError ? toTRPCError(error) : error;
    },
  );
  return { ...options.deps, headers: options.headers, user };
}
