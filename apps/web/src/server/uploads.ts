import { resolveRequestUser } from "@wallpaperdb/auth";
import { createUploadHandler, type UploadRequestHandler } from "@wallpaperdb/ingest/tus";
import { getAuthServices, getBlobStore, getDb, getIngestServices } from "./deps.ts";
import { webLogger } from "./logger.ts";

const store = globalThis as typeof globalThis & { __wallpaperdbUploadHandler?: UploadRequestHandler };

/** One tus server per process (it holds the in-flight hashes and locks), kept across dev hot reloads. */
export function getUploadHandler(): UploadRequestHandler {
  store.__wallpaperdbUploadHandler ??= createUploadHandler(
    { ...getIngestServices(), db: getDb().db, blobStore: getBlobStore(), logger: webLogger() },
    {
      // The same identity as tRPC (session cookie or API key), so bytes go only into the sender's upload.
      identify: async (request) => {
        const user = await resolveRequestUser(getDb().db, getAuthServices().auth, request.headers);
        return user ? { id: user.id } : null;
      },
    },
  );
  return store.__wallpaperdbUploadHandler;
}
