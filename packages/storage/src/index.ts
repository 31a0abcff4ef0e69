// The port: types, errors and pure helpers. Importing this never touches disk or network.
export type {
  BlobBody,
  BlobMetadata,
  BlobStore,
  ByteRange,
  GetResult,
  ListedBlob,
  PresignGetOptions,
  PresignPutOptions,
  PutOptions,
  PutResult,
} from "./blob-store.ts";
export {
  BlobNotFoundError,
  BlobStoreUnavailableError,
  InvalidBlobKeyError,
  InvalidRangeError,
} from "./errors.ts";
export { assertValidBlobKey, assertValidBlobPrefix, MAX_BLOB_KEY_LENGTH } from "./keys.ts";
export { signLocalBlob, verifyLocalSignature } from "./local-signature.ts";
export { traceBlobStore } from "./traced.ts";
