import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { BlobStore, ListedBlob } from "./blob-store.ts";
import { toReadable } from "./body.ts";
import type { StorageEnv } from "./env.ts";
import { BlobNotFoundError, BlobStoreUnavailableError, InvalidRangeError } from "./errors.ts";
import { assertValidBlobKey, assertValidBlobPrefix } from "./keys.ts";
import { MIN_PART_SIZE, putBuffer, putStream, unquote } from "./s3-upload.ts";

export interface S3ClientSettings {
  /** For MinIO, R2 or a local test server; omit for AWS. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** S3_CHECKSUMS (storage env): "when_required" unless the server is AWS S3 itself. */
  checksums?: "when_required" | "when_supported";
}

export interface S3BlobStore extends BlobStore {
  readonly kind: "s3";
  readonly bucket: string;
  /** For local dev and tests; production buckets are provisioned, not created by the app. */
  createBucketIfMissing(): Promise<void>;
}

const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/**
 * The one S3 client configuration of the project: the blob store's client and the tus upload store's
 * both come from it, so a setting (endpoint, path style, checksums) cannot apply to one and not the other.
 */
export function s3ClientConfig(settings: S3ClientSettings): S3ClientConfig {
  // Since 2025 the SDK adds CRC checksums to every upload by default, streamed uploads as aws-chunked
  // bodies with a trailer; Swift, Ceph RGW, B2 and older MinIO refuse them ("Transfering payloads in
  // multiple chunks using aws-chunked is not supported"), and presigned PUTs would bind them.
  const checksums = settings.checksums === "when_supported" ? "WHEN_SUPPORTED" : "WHEN_REQUIRED";
  return {
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums,
  };
}

export function createS3Client(settings: S3ClientSettings): S3Client {
  return withContentMd5(new S3Client(s3ClientConfig(settings)), settings);
}

/**
 * Under "when_required" the SDK still checksums the requests S3 requires one for, with CRC32, while
 * S3-compatible servers want the Content-MD5 S3 asked for before 2025: Swift 2.30 refuses DeleteObjects
 * without it ("Missing required header for this request: Content-MD5"), and tus's S3Store deletes an
 * upload's objects with DeleteObjects. This puts the MD5 back on those requests (and drops the CRC).
 * Applied to every client the project makes: createS3Client's and the tus store's (ingest staging).
 */
type S3Middleware = Parameters<S3Client["middlewareStack"]["addRelativeTo"]>[0];
type RequestParts = { headers?: Record<string, string>; body?: unknown };

const contentMd5ForDeleteObjects = ((
  next: (args: { request?: unknown }) => Promise<unknown>,
  context: { commandName?: string },
) =>
  async (args: { request?: unknown }) => {
    const request = args.request as RequestParts | undefined;
    const body = request?.body;
    if (context.commandName === "DeleteObjectsCommand" && request?.headers && typeof body === "string") {
      for (const name of Object.keys(request.headers)) {
        if (/^x-amz-(checksum-|sdk-checksum-algorithm$)/i.test(name)) delete request.headers[name];
      }
      request.headers["content-md5"] = createHash("md5").update(body).digest("base64");
    }
    return next(args);
  }) as unknown as S3Middleware;

export function withContentMd5<T extends S3Client>(
  client: T,
  settings: Pick<S3ClientSettings, "checksums">,
): T {
  if (settings.checksums === "when_supported") return client;
  // Before signing, so the signature covers the header.
  client.middlewareStack.addRelativeTo(contentMd5ForDeleteObjects, {
    name: "wpdbContentMd5",
    relation: "before",
    toMiddleware: "httpSigningMiddleware",
    override: true,
  });
  return client;
}

/** The client settings of an `s3` storage env (BLOB_STORE=s3). */
export function s3ClientSettingsOf(env: Extract<StorageEnv, { store: "s3" }>): S3ClientSettings {
  return {
    region: env.region,
    forcePathStyle: env.forcePathStyle,
    checksums: env.checksums,
    ...(env.endpoint ? { endpoint: env.endpoint } : {}),
    ...(env.accessKeyId ? { accessKeyId: env.accessKeyId } : {}),
    ...(env.secretAccessKey ? { secretAccessKey: env.secretAccessKey } : {}),
  };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return metadata?.httpStatusCode;
}

function nameOf(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404 || nameOf(error) === "NoSuchKey" || nameOf(error) === "NotFound";
}

function checkExpiry(expiresInSeconds: number): number {
  if (
    !Number.isSafeInteger(expiresInSeconds) ||
    expiresInSeconds <= 0 ||
    expiresInSeconds > MAX_PRESIGN_SECONDS
  ) {
    throw new RangeError(`expiresInSeconds must be an integer between 1 and ${MAX_PRESIGN_SECONDS}`);
  }
  return expiresInSeconds;
}

export async function createBucketIfMissing(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

export function createS3BlobStore(options: {
  client: S3Client;
  bucket: string;
  /** Multipart part size for streams; at least 5 MiB (S3's minimum). Default 8 MiB. */
  partSizeBytes?: number;
}): S3BlobStore {
  const { client, bucket } = options;
  const partSize = Math.max(options.partSizeBytes ?? 8 * 1024 * 1024, MIN_PART_SIZE);

  async function* listAll(prefix: string): AsyncGenerator<ListedBlob> {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined) continue;
        yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  return {
    kind: "s3",
    bucket,

    async put(key, body, opts) {
      assertValidBlobKey(key);
      const target = {
        client,
        bucket,
        key,
        partSize,
        ...(opts?.contentType ? { contentType: opts.contentType } : {}),
        ...(opts?.contentLength !== undefined ? { expectedLength: opts.contentLength } : {}),
      };
      if (body instanceof Uint8Array) {
        if (opts?.contentLength !== undefined && opts.contentLength !== body.byteLength) {
          throw new Error(`Blob ${key}: expected ${opts.contentLength} bytes, received ${body.byteLength}`);
        }
        return { key, size: body.byteLength, etag: await putBuffer(target, body) };
      }
      const { etag, size } = await putStream(target, toReadable(body));
      return { key, size, etag };
    },

    async get(key, opts) {
      assertValidBlobKey(key);
      const range = opts?.range;
      if (range) {
        const badStart = !Number.isSafeInteger(range.start) || range.start < 0;
        const badEnd =
          range.end !== undefined && (!Number.isSafeInteger(range.end) || range.end < range.start);
        if (badStart || badEnd) throw new InvalidRangeError(key, JSON.stringify(range));
      }
      try {
        const result = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            ...(range ? { Range: `bytes=${range.start}-${range.end ?? ""}` } : {}),
          }),
        );
        const contentLength = result.ContentLength ?? 0;
        const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(result.ContentRange ?? "");
        return {
          key,
          body: result.Body as Readable,
          size: served ? Number(served[3]) : contentLength,
          contentLength,
          etag: unquote(result.ETag),
          lastModified: result.LastModified ?? new Date(0),
          ...(result.ContentType ? { contentType: result.ContentType } : {}),
          ...(served ? { range: { start: Number(served[1]), end: Number(served[2]) } } : {}),
        };
      } catch (error) {
        if (isNotFound(error)) throw new BlobNotFoundError(key, { cause: error });
        if (statusOf(error) === 416 || nameOf(error) === "InvalidRange") {
          throw new InvalidRangeError(key, `requested ${JSON.stringify(range)}`);
        }
        throw error;
      }
    },

    async head(key) {
      assertValidBlobKey(key);
      try {
        const result = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          key,
          size: result.ContentLength ?? 0,
          etag: unquote(result.ETag),
          lastModified: result.LastModified ?? new Date(0),
          ...(result.ContentType ? { contentType: result.ContentType } : {}),
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      assertValidBlobKey(key);
      // DeleteObject is idempotent in S3: a missing key answers 204 as well.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    list(prefix) {
      assertValidBlobPrefix(prefix);
      return listAll(prefix);
    },

    async ping() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        const status = statusOf(error);
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const message =
          status === 404
            ? `S3 bucket "${bucket}" does not exist`
            : status === 403 || status === 401
              ? `Access to S3 bucket "${bucket}" denied (check S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY)`
              : `S3 endpoint unreachable or failing for bucket "${bucket}" (${detail})`;
        throw new BlobStoreUnavailableError(message, { cause: error });
      }
    },

    async presignGet(key, opts) {
      assertValidBlobKey(key);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(opts.contentDisposition ? { ResponseContentDisposition: opts.contentDisposition } : {}),
      });
      return getSignedUrl(client, command, { expiresIn: checkExpiry(opts.expiresInSeconds) });
    },

    async presignPut(key, opts) {
      assertValidBlobKey(key);
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(opts.contentType ? { ContentType: opts.contentType } : {}),
      });
      return getSignedUrl(client, command, { expiresIn: checkExpiry(opts.expiresInSeconds) });
    },

    createBucketIfMissing: () => createBucketIfMissing(client, bucket),
  };
}
