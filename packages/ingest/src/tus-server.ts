import { Server } from "@tus/server";
import { Metadata } from "@tus/utils";
import { AppError, problemResponse } from "@wallpaperdb/core/errors";
import { assertMayAccess } from "./access.ts";
import { UPLOAD_ENDPOINT } from "./create-upload.ts";
import type { IngestDeps, Uploader } from "./deps.ts";
import { withStreamingHash } from "./hashing-store.ts";
import {
  findUpload,
  isOpenForBytes,
  recordReceivedBytes,
  transitionUpload,
  type UploadRow,
} from "./uploads-repo.ts";

export type UploadRequestHandler = (request: Request) => Promise<Response>;

/**
 * Who sends this request (session cookie or API key), resolved by the host. May throw an AppError
 * (an invalid API key is `unauthorized`). Without it every request counts as anonymous.
 */
export type IdentifyUploader = (request: Request) => Promise<Uploader>;

/**
 * An upload tied to an account takes bytes (and answers HEAD/DELETE) only for that account, like
 * upload.complete and upload.byId: its id is unguessable, but it travels in URLs and logs, so it is
 * not the only check. Anonymous uploads stay reachable by their id. Identity is looked up only then.
 */
async function checkOwner(row: UploadRow, request: Request, identify: IdentifyUploader | undefined) {
  if (row.uploaderId === null) return;
  assertMayAccess(row, identify ? await identify(request) : null);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TUS_HEADERS = { "Tus-Resumable": "1.0.0" };

function refuse(error: AppError, request: Request): Response {
  return problemResponse(error, new URL(request.url).pathname, TUS_HEADERS);
}

function idFromPath(request: Request, path: string): string | null {
  const rest = new URL(request.url).pathname.slice(path.length).replace(/^\/+/, "");
  return UUID.test(rest) ? rest : null;
}

function notOpen(row: UploadRow): AppError {
  if (row.state === "expired" || row.state === "initiated" || row.state === "receiving") {
    return new AppError("gone", "This upload has expired; start a new one.", { uploadId: row.id });
  }
  return new AppError("conflict", `This upload no longer accepts bytes (it is ${row.state}).`, {
    uploadId: row.id,
    state: row.state,
  });
}

/** Our own refusals of a creation POST, answered as problem+json before tus sees the request. */
async function checkCreation(
  deps: IngestDeps,
  request: Request,
  identify: IdentifyUploader | undefined,
): Promise<AppError | string> {
  const lengthHeader = request.headers.get("upload-length");
  if (lengthHeader === null || !/^\d+$/.test(lengthHeader)) {
    return new AppError("bad_request", "Upload-Length is required (deferred lengths are not supported).");
  }
  let metadata: Record<string, string | null>;
  try {
    metadata = Metadata.parse(request.headers.get("upload-metadata") ?? undefined);
  } catch {
    return new AppError("bad_request", "Upload-Metadata is not valid tus metadata.");
  }
  const uploadId = metadata.uploadId ?? "";
  if (!UUID.test(uploadId) || !metadata.filename) {
    return new AppError(
      "bad_request",
      "Upload-Metadata must carry uploadId (from upload.create) and filename.",
    );
  }
  const row = await findUpload(deps.db, uploadId);
  if (!row)
    return new AppError("not_found", "No upload with that id; call upload.create first.", { uploadId });
  await checkOwner(row, request, identify);
  if (row.state !== "initiated" || row.expiresAt <= new Date()) return notOpen(row);
  const length = Number(lengthHeader);
  if (length > deps.limits.maxUploadBytes) {
    return new AppError("too_large", `At most ${deps.limits.maxUploadBytes} bytes are accepted.`, {
      size: length,
      maxBytes: deps.limits.maxUploadBytes,
    });
  }
  if (length !== row.declaredSize) {
    return new AppError("bad_request", `Upload-Length ${length} differs from the size declared at create.`, {
      declared: row.declaredSize,
      size: length,
    });
  }
  return uploadId;
}

/**
 * The tus 1.0 endpoint (POST/HEAD/PATCH/DELETE/OPTIONS) as a fetch handler, for a Next route or any
 * node:http bridge. The tus upload id IS the uploads row id; bytes are accepted only for an open upload.
 */
export function createUploadHandler(
  deps: IngestDeps,
  options: { path?: string; identify?: IdentifyUploader } = {},
): UploadRequestHandler {
  const { path = UPLOAD_ENDPOINT, identify } = options;
  const lastWrite = new Map<string, number>();
  const record = (id: string, offset: number) => {
    recordReceivedBytes(deps.db, id, offset).catch((error: unknown) =>
      deps.logger.warn({ err: error, uploadId: id }, "could not record upload progress"),
    );
  };
  const hashes = withStreamingHash(deps.staging.datastore, {
    onProgress(id, offset, settled) {
      const now = Date.now();
      if (!settled && now - (lastWrite.get(id) ?? 0) < deps.settings.progressIntervalMs) return;
      lastWrite.set(id, now);
      record(id, offset);
    },
  });

  const tus = new Server({
    path,
    datastore: deps.staging.datastore,
    relativeLocation: true,
    maxSize: deps.limits.maxUploadBytes,
    namingFunction: (_req, metadata) => {
      const id = metadata?.uploadId ?? "";
      if (!UUID.test(id)) throw { status_code: 400, body: "Upload-Metadata must carry uploadId\n" };
      return id;
    },
    onUploadFinish: async (_req, upload) => {
      const size = upload.size ?? upload.offset;
      lastWrite.delete(upload.id);
      await transitionUpload(deps.db, upload.id, "bytes_finished", {
        receivedBytes: size,
        sha256: hashes.finish(upload.id, size),
      });
      return {};
    },
  });

  return async (request) => {
    try {
      const method = request.method.toUpperCase();
      if (method === "POST") {
        const checked = await checkCreation(deps, request, identify);
        if (checked instanceof AppError) return refuse(checked, request);
        const response = await tus.handleWeb(request);
        if (response.status === 201) record(checked, 0);
        return response;
      }
      if (method === "PATCH" || method === "HEAD" || method === "DELETE") {
        const id = idFromPath(request, path);
        const row = id ? await findUpload(deps.db, id) : null;
        if (!row) return refuse(new AppError("not_found", "No upload at this address."), request);
        await checkOwner(row, request, identify);
        if (method !== "HEAD" && !isOpenForBytes(row, new Date())) return refuse(notOpen(row), request);
        const response = await tus.handleWeb(request);
        if (method === "DELETE" && response.status === 204) {
          hashes.forget(row.id);
          await transitionUpload(deps.db, row.id, "expire");
        }
        return response;
      }
      return await tus.handleWeb(request);
    } catch (error) {
      // Refusals (an AppError: not the owner, bad API key) are answers, not failures.
      if (!(error instanceof AppError)) deps.logger.error({ err: error }, "upload request failed");
      return refuse(
        error instanceof AppError ? error : new AppError("internal", "The upload failed."),
        request,
      );
    }
  };
}
