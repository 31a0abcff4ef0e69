import type { BlobStore } from "./blob-store.ts";

export interface BlobStoreContractFixture {
  store: BlobStore;
  cleanup(): Promise<void>;
  /** A store of the same kind pointed at something unusable (missing bucket, unwritable dir). */
  unavailableStore?: BlobStore;
  /** Whether the server behind presigned URLs rejects a tampered signature (some test servers don't). */
  enforcesPresignedSignatures?: boolean;
  /**
   * Defaults to true. Real S3, MinIO, R2 and the local adapter replace objects atomically;
   * s3rver writes concurrent PUTs into the same file, so its fixture opts out.
   */
  atomicConcurrentPuts?: boolean;
}

// Accessors rather than values: the fixture only exists once beforeAll has run,
// but the cases are registered while the describe block is being collected.
export interface ContractContext {
  store(): BlobStore;
  fixture(): BlobStoreContractFixture;
  /** Each test writes under its own prefix so tests cannot see each other's blobs. */
  freshPrefix(): string;
}
