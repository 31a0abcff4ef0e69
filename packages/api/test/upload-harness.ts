import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { resolveRequestUser } from "@wallpaperdb/auth";
import { type IngestServices, loadIngestSettings } from "@wallpaperdb/ingest";
import { createFileStaging } from "@wallpaperdb/ingest/staging";
import { createUploadHandler } from "@wallpaperdb/ingest/tus";
import { configureSharp, loadMediaLimits } from "@wallpaperdb/media";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";

export interface UploadHarness extends Harness {
  services: IngestServices;
  stagingDir: string;
  /** Origin of the real HTTP server running the tus handler, e.g. http://127.0.0.1:40123 */
  origin: string;
  endpoint: string;
  caller(overrides?: Partial<IngestServices>): Promise<ReturnType<typeof createCaller>>;
  stagedFiles(): Promise<string[]>;
}

/** The api harness (fresh PostgreSQL, NATS, temp blob store) plus a tus server on a free port. */
export async function openUploadHarness(): Promise<UploadHarness> {
  configureSharp();
  const base = await openHarness();
  const stagingDir = await mkdtemp(join(tmpdir(), "wpdb-staging-"));
  const services: IngestServices = {
    staging: createFileStaging(stagingDir),
    limits: loadMediaLimits({ FFPROBE_PATH: "/usr/bin/ffprobe", FFMPEG_PATH: "/usr/bin/ffmpeg" }),
    // These tests are about ingest, not accounts: anonymous callers may upload (off by default).
    settings: {
      ...loadIngestSettings({ ALLOW_ANONYMOUS_UPLOADS: "true" }),
      uploadDir: stagingDir,
      progressIntervalMs: 50,
    },
  };
  const deps = { ...base.deps, ingest: services };
  const handler = createUploadHandler(
    { ...services, db: deps.db, blobStore: deps.blobStore, logger: deps.logger },
    {
      // As the web route does, minus sessions: API keys name the sender.
      identify: async (request) => {
        const user = await resolveRequestUser(deps.db, undefined, request.headers);
        return user ? { id: user.id } : null;
      },
    },
  );
  const server = await serve(handler);
  return {
    ...base,
    deps,
    services,
    stagingDir,
    origin: server.origin,
    endpoint: `${server.origin}/api/uploads`,
    caller: async (overrides = {}) => {
      const ctx = await createTRPCContext({
        headers: new Headers(),
        deps: { ...deps, ingest: { ...services, ...overrides } },
      });
      return createCaller(ctx);
    },
    stagedFiles: () => readdir(stagingDir),
    async close() {
      await server.close();
      await base.close();
      await rm(stagingDir, { recursive: true, force: true });
    },
  };
}

/** node:http → fetch handler bridge, standing in for the Next route (which calls the same handler). */
async function serve(handler: (request: Request) => Promise<Response>) {
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const hasBody = req.method === "POST" || req.method === "PATCH";
    const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
      method: req.method ?? "GET",
      headers,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
    });
    try {
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body)
        Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
      else res.end();
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function tusMetadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

export function sha256Of(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A plain tus 1.0 creation POST; returns the response (Location on 201). */
export function tusCreate(
  endpoint: string,
  uploadId: string,
  filename: string,
  length: number,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(endpoint, {
    method: "POST",
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(length),
      "Upload-Metadata": tusMetadata({ uploadId, filename }),
      ...headers,
    },
  });
}

export function tusPatch(
  url: string,
  offset: number,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "PATCH",
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Offset": String(offset),
      "Content-Type": "application/offset+octet-stream",
      ...headers,
    },
    body,
  });
}

/** create → tus POST + PATCH → (caller decides whether to complete). */
export async function sendBytes(harness: UploadHarness, uploadId: string, filename: string, data: Buffer) {
  const created = await tusCreate(harness.endpoint, uploadId, filename, data.length);
  if (created.status !== 201) throw new Error(`tus create ${created.status}: ${await created.text()}`);
  const patched = await tusPatch(`${harness.endpoint}/${uploadId}`, 0, data);
  if (patched.status !== 204) throw new Error(`tus patch ${patched.status}: ${await patched.text()}`);
}
