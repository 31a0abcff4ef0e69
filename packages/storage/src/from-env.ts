import type { BlobStore } from "./blob-store.ts";
import { loadStorageEnv } from "./env.ts";
import { createLocalBlobStore } from "./local.ts";
import { createS3BlobStore, createS3Client, s3ClientSettingsOf } from "./s3.ts";
import { traceBlobStore } from "./traced.ts";

export { loadStorageEnv, type StorageEnv, storageEnvSchema } from "./env.ts";

/**
 * The adapter selected by BLOB_STORE, configured from the environment (or the given map), traced: a span
 * per call when telemetry is on (see traced.ts), a function call when it is off.
 */
export function createBlobStoreFromEnv(source?: Record<string, string | undefined>): BlobStore {
  return traceBlobStore(createUntracedStore(source));
}

function createUntracedStore(source?: Record<string, string | undefined>): BlobStore {
  const env = loadStorageEnv(source);
  switch (env.store) {
    case "local":
      return createLocalBlobStore({
        root: env.blobDir,
        publicBaseUrl: env.publicBaseUrl,
        signingSecret: env.signingSecret,
      });
    case "s3": {
      const client = createS3Client(s3ClientSettingsOf(env));
      return createS3BlobStore({ client, bucket: env.bucket });
    }
    default: {
      const unreachable: never = env;
      throw new Error(`Unknown blob store ${JSON.stringify(unreachable)}`);
    }
  }
}
