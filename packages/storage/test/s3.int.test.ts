import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { describeBlobStoreContract } from "../src/contract.ts";
import { createS3BlobStore, createS3Client } from "../src/s3.ts";

describeBlobStoreContract("s3 (s3rver)", async () => {
  const directory = await mkdtemp(join(tmpdir(), "wpdb-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = (await server.run()) as AddressInfo;
  // s3rver accepts any request signed with its fixed development credentials.
  const client = createS3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    forcePathStyle: true,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  });
  const store = createS3BlobStore({ client, bucket: `wpdb-${randomUUID()}` });
  await store.createBucketIfMissing();
  return {
    store,
    unavailableStore: createS3BlobStore({ client, bucket: `missing-${randomUUID()}` }),
    // s3rver does not verify presigned query signatures; real S3/MinIO do.
    enforcesPresignedSignatures: false,
    // s3rver streams each PUT straight into the object file, so racing PUTs interleave bytes.
    atomicConcurrentPuts: false,
    async cleanup() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
});
