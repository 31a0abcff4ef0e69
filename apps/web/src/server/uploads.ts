import { createUploadHandler, type UploadRequestHandler } from "@wallpaperdb/ingest/tus";
import { getBlobStore, getDb, getIngestServices } from "./deps.ts";
import { webLogger } from "./logger.ts";

const store = globalThis as typeof globalThis & { __wallpaperdbUploadHandler?: UploadRequestHandler };

/** One tus server per process (it holds the in-flight hashes and locks), kept across dev hot reloads. */
export function getUploadHandler(): UploadRequestHandler {
  store.__wallpaperdbUploadHandler ??= createUploadHandler({
    ...getIngestServices(),
    db: getDb().db,
    blobStore: getBlobStore(),
    logger: webLogger(),
  });
  return store.__wallpaperdbUploadHandler;
}
