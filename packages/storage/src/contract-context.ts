import type { BlobStore } from "./blob-store.ts";

export interface BlobStoreContractFixture {
  store: BlobStore;
  cleanup(): Promise<void>;
  /** A store of the same kind pointed at something unusable (missing bucket, unwritable dir). */
  unavailableStore?: BlobStore;
}

// Accessors rather than values: the fixture only exists once beforeAll has run,
// but the cases are registered while the describe block is being collected.
export interface ContractContext {
  store(): BlobStore;
  fixture(): BlobStoreContractFixture;
  /** Each test writes under its own prefix so tests cannot see each other's blobs. */
  freshPrefix(): string;
}
