import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { S3Store } from "@tus/s3-store";
import type { DataStore } from "@tus/utils";
import { type S3ClientSettings, s3ClientConfig, withContentMd5 } from "@wallpaperdb/storage/s3";

/** A local copy of an upload's bytes for the validators, and its SHA-256 when computed on the way. */
export interface LocalUploadFile {
  path: string;
  sha256: string | null;
  release(): Promise<void>;
}

/**
 * Where tus keeps bytes while they arrive: a folder (BLOB_STORE=local) or the S3 bucket itself, so large
 * uploads never pile up on the web server's disk. Only this module knows the difference.
 */
export interface UploadStaging {
  readonly kind: "file" | "s3";
  readonly datastore: DataStore;
  /** Bytes the store holds for the upload, or null when it has none. */
  offset(id: string): Promise<number | null>;
  openLocal(id: string): Promise<LocalUploadFile>;
  /** Deletes everything stored for the upload; a missing upload is not an error. */
  remove(id: string): Promise<void>;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

async function offsetOf(datastore: DataStore, id: string): Promise<number | null> {
  try {
    return (await datastore.getUpload(id)).offset;
  } catch {
    return null;
  }
}

export function createFileStaging(directory: string): UploadStaging {
  const datastore = new FileStore({ directory });
  return {
    kind: "file",
    datastore,
    offset: (id) => offsetOf(datastore, id),
    // The FileStore file is already on local disk: validate it in place.
    openLocal: async (id) => ({ path: join(directory, id), sha256: null, release: async () => {} }),
    async remove(id) {
      await rm(join(directory, id), { force: true });
      await rm(join(directory, `${id}.json`), { force: true });
    },
  };
}

export interface S3StagingOptions extends S3ClientSettings {
  bucket: string;
  partSizeBytes?: number;
}

/**
 * tus's S3 store, fixed for what real S3-compatible servers showed (tested on Swift):
 * - its client gets the project's Content-MD5 rule (withContentMd5), or its DeleteObjects is refused;
 * - `remove` aborts the multipart upload first and stops when there is none, which is the case of every
 *   completed upload: the assembled object and its .info stayed in the bucket for ever. They are
 *   deleted anyway; the error (FILE_NOT_FOUND for a finished upload) still reaches the caller.
 */
class StagingS3Store extends S3Store {
  constructor(options: ConstructorParameters<typeof S3Store>[0], settings: S3ClientSettings) {
    super(options);
    withContentMd5(this.client, settings);
  }

  override async remove(id: string): Promise<void> {
    try {
      await super.remove(id);
    } catch (error) {
      await this.client.deleteObjects({
        Bucket: this.bucket,
        Delete: {
          Objects: [{ Key: id }, { Key: this.infoKey(id) }, { Key: this.partKey(id, true) }],
          Quiet: true,
        },
      });
      await this.clearCache(id);
      throw error;
    }
  }
}

export function createS3Staging(options: S3StagingOptions): UploadStaging {
  const { bucket, partSizeBytes, ...client } = options;
  const datastore = new StagingS3Store(
    { partSize: partSizeBytes ?? 8 * 1024 * 1024, s3ClientConfig: { bucket, ...s3ClientConfig(client) } },
    client,
  );
  return {
    kind: "s3",
    datastore,
    offset: (id) => offsetOf(datastore, id),
    // Validators need a file path: stream the object to a private temp file, hashing as it goes.
    async openLocal(id) {
      const dir = await mkdtemp(join(tmpdir(), "wpdb-ingest-"));
      const path = join(dir, "upload");
      const release = () => rm(dir, { recursive: true, force: true });
      try {
        const body = (await datastore.read(id)) as Readable | NodeJS.ReadableStream;
        const hash = createHash("sha256");
        const tap = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            hash.update(chunk);
            callback(null, chunk);
          },
        });
        await pipeline(body instanceof Readable ? body : Readable.from(body), tap, createWriteStream(path));
        return { path, sha256: hash.digest("hex"), release };
      } catch (error) {
        await release();
        throw error;
      }
    },
    async remove(id) {
      try {
        await datastore.remove(id);
      } catch {
        // Already gone (or never created): nothing to delete.
      }
    },
  };
}
