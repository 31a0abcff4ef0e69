// For tests: the real S3 server that scripts/swift.sh runs (OpenStack Swift with s3api on loopback).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import {
  DeleteBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type S3Client,
} from "@aws-sdk/client-s3";
import { createBucketIfMissing, createS3BlobStore, createS3Client, type S3ClientSettings } from "./s3.ts";

/** What scripts/swift.sh exports (S3_TEST_*), with its defaults so a test run by hand finds the server. */
export function s3TestSettings(env: NodeJS.ProcessEnv = process.env): S3ClientSettings {
  return {
    endpoint: env.S3_TEST_ENDPOINT || "http://127.0.0.1:8480",
    region: env.S3_TEST_REGION || "us-east-1",
    accessKeyId: env.S3_TEST_ACCESS_KEY_ID || "test:tester",
    secretAccessKey: env.S3_TEST_SECRET_ACCESS_KEY || "testing",
    forcePathStyle: true,
    // The project's default for custom endpoints, which Swift needs (no aws-chunked uploads).
    checksums: "when_required",
  };
}

/**
 * Fails (never skips) when no S3 server answers: a suite that silently skipped would let the S3 adapter
 * and the tus S3 store go untested. The message says how to get the server.
 */
export async function requireS3TestServer(env: NodeJS.ProcessEnv = process.env): Promise<S3ClientSettings> {
  const settings = s3TestSettings(env);
  const hint = "Start it with scripts/swift.sh (make test does), or point S3_TEST_ENDPOINT at an S3 server.";
  if (env.S3_TEST_UNAVAILABLE) throw new Error(`${env.S3_TEST_UNAVAILABLE}. ${hint}`);
  const client = createS3Client(settings);
  try {
    await client.send(new ListBucketsCommand({}));
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`No S3 server answers at ${settings.endpoint} (${detail}). ${hint}`, { cause: error });
  } finally {
    client.destroy();
  }
  return settings;
}

export interface TestBucket {
  settings: S3ClientSettings;
  client: S3Client;
  bucket: string;
  /**
   * The variables a process is configured with for this bucket (BLOB_STORE=s3 and the S3_* settings),
   * S3_CHECKSUMS and S3_FORCE_PATH_STYLE left to their defaults: what an operator pointing the app at
   * this server would write.
   */
  env: Record<string, string>;
  /** Every key under a prefix, whatever its shape (the tus store's keys are not blob keys). */
  keys(prefix: string): Promise<string[]>;
  /** Deletes every object (multipart leftovers included) and the bucket. */
  drop(): Promise<void>;
}

/** A fresh bucket on the test server for one test file. */
export async function createTestBucket(prefix = "wpdb-test"): Promise<TestBucket> {
  const settings = await requireS3TestServer();
  const client = createS3Client(settings);
  const bucket = `${prefix}-${randomUUID()}`;
  await createBucketIfMissing(client, bucket);
  return {
    settings,
    client,
    bucket,
    env: {
      BLOB_STORE: "s3",
      S3_BUCKET: bucket,
      S3_ENDPOINT: settings.endpoint ?? "",
      S3_REGION: settings.region,
      S3_ACCESS_KEY_ID: settings.accessKeyId ?? "",
      S3_SECRET_ACCESS_KEY: settings.secretAccessKey ?? "",
    },
    async keys(prefix) {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (page.Contents ?? []).flatMap((item) => (item.Key ? [item.Key] : []));
    },
    async drop() {
      const store = createS3BlobStore({ client, bucket });
      for await (const blob of store.list("")) await store.delete(blob.key);
      await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
      client.destroy();
    },
  };
}

/** node:http → fetch handler bridge, standing in for a web app's route (one per "process" in tests). */
export async function serveFetchHandler(
  handler: (request: Request) => Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
        method: req.method ?? "GET",
        headers,
        ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
      });
      const response = await handler(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body)
        Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
      else res.end();
    } catch (error) {
      if (!res.headersSent) res.writeHead(500);
      res.end(error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
