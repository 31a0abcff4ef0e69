import type { ApiDeps } from "@wallpaperdb/api";
import { type AuthServices, createAuthServices, loadAuthSettings } from "@wallpaperdb/auth";
import { createDb, type DbHandle } from "@wallpaperdb/db/client";
import { busNames } from "@wallpaperdb/events";
import { connectNats, type NatsConnection } from "@wallpaperdb/events/connect";
import type { IngestServices } from "@wallpaperdb/ingest";
import { createIngestServicesFromEnv } from "@wallpaperdb/ingest/from-env";
import { configureSharp } from "@wallpaperdb/media";
import type { SearchBackend } from "@wallpaperdb/search";
import { createSearchBackendFromEnv } from "@wallpaperdb/search/from-env";
import type { BlobStore } from "@wallpaperdb/storage";
import { createBlobStoreFromEnv } from "@wallpaperdb/storage/from-env";
import { rawEnv, webEnv } from "~/env.ts";
import { webLogger } from "./logger.ts";
import { checkReadiness, type Readiness } from "./readiness.ts";

/**
 * Per-process singletons, created on first use so that importing this module (for example while
 * `next build` collects routes) opens nothing. Kept on globalThis so dev hot reloads reuse them.
 */
interface Singletons {
  db?: DbHandle;
  nats?: Promise<NatsConnection>;
  blobStore?: BlobStore;
  ingest?: IngestServices;
  auth?: AuthServices;
  search?: SearchBackend;
}

const store = globalThis as typeof globalThis & { __wallpaperdbDeps?: Singletons };
store.__wallpaperdbDeps ??= {};
const singletons: Singletons = store.__wallpaperdbDeps;

export function getDb(): DbHandle {
  singletons.db ??= createDb(webEnv().DATABASE_URL, {
    max: webEnv().DATABASE_POOL_MAX,
    applicationName: "wallpaperdb-web",
  });
  return singletons.db;
}

export function getNats(): Promise<NatsConnection> {
  if (!singletons.nats) {
    const connecting = connectNats({ url: webEnv().NATS_URL, name: "wallpaperdb-web" });
    // A failed first connect must not poison the process: the next caller tries again.
    connecting.catch(() => {
      if (singletons.nats === connecting) singletons.nats = undefined;
    });
    singletons.nats = connecting;
  }
  return singletons.nats;
}

export function getBlobStore(): BlobStore {
  singletons.blobStore ??= createBlobStoreFromEnv(rawEnv());
  return singletons.blobStore;
}

/** Upload staging, media limits and upload settings, shared by tRPC and the tus route. */
export function getIngestServices(): IngestServices {
  if (!singletons.ingest) {
    // Validation decodes untrusted files in this process: lock libvips down before the first one.
    configureSharp();
    singletons.ingest = createIngestServicesFromEnv(rawEnv());
  }
  return singletons.ingest;
}

/** Sessions, API keys and rate limits (the auth package validates its own variables). */
export function getAuthServices(): AuthServices {
  singletons.auth ??= createAuthServices({
    db: getDb().db,
    settings: loadAuthSettings(rawEnv()),
    logger: webLogger(),
  });
  return singletons.auth;
}

/** The gallery search index SEARCH_BACKEND selects, shared by tRPC and /api/random. */
export function getSearchBackend(): SearchBackend {
  singletons.search ??= createSearchBackendFromEnv(getDb().db, webLogger(), rawEnv());
  return singletons.search;
}

/** The web app's own dependency checks: /api/ready and the admin system page. */
export function checkWebReadiness(): Promise<Readiness> {
  return checkReadiness({
    timeoutMs: webEnv().READY_CHECK_TIMEOUT_MS,
    stream: busNames(webEnv().EVENTS_NAMESPACE).stream,
    sql: () => getDb().sql,
    nats: getNats,
    blobStore: getBlobStore,
  });
}

export async function getApiDeps(): Promise<ApiDeps> {
  const { db, sql } = getDb();
  return {
    db,
    sql,
    nats: await getNats(),
    blobStore: getBlobStore(),
    logger: webLogger(),
    search: getSearchBackend(),
    ingest: getIngestServices(),
    auth: getAuthServices(),
    events: busNames(webEnv().EVENTS_NAMESPACE),
    checkReadiness: checkWebReadiness,
  };
}
