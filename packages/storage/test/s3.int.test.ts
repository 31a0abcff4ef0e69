import { randomUUID } from "node:crypto";
import { describeBlobStoreContract } from "../src/contract.ts";
import { createS3BlobStore } from "../src/s3.ts";
import { createTestBucket } from "../src/testing.ts";

// A real S3 server: OpenStack Swift with s3api (scripts/swift.sh), which checks presigned signatures,
// replaces objects atomically and lists multipart parts like S3 does.
describeBlobStoreContract("s3 (OpenStack Swift)", async () => {
  const bucket = await createTestBucket("wpdb-contract");
  const store = createS3BlobStore({ client: bucket.client, bucket: bucket.bucket });
  return {
    store,
    unavailableStore: createS3BlobStore({ client: bucket.client, bucket: `missing-${randomUUID()}` }),
    cleanup: () => bucket.drop(),
  };
});
