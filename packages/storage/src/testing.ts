// For tests: the real S3 server that scripts/swift.sh runs (OpenStack Swift with s3api on loopback).
import { randomUUID } from "node:crypto";
import { DeleteBucketCommand, ListBucketsCommand, type S3Client } from "@aws-sdk/client-s3";
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
    async drop() {
      const store = createS3BlobStore({ client, bucket });
      for await (const blob of store.list("")) await store.delete(blob.key);
      await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
      client.destroy();
    },
  };
}
