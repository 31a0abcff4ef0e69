// Stable `code`s let callers (tRPC error mapping, workers) branch without matching messages.

export class BlobNotFoundError extends Error {
  readonly code = "blob_not_found";
  readonly key: string;
  constructor(key: string, options?: { cause?: unknown }) {
    super(`Blob not found: ${key}`, options);
    this.name = "BlobNotFoundError";
    this.key = key;
  }
}

export class InvalidBlobKeyError extends Error {
  readonly code = "invalid_blob_key";
  readonly key: string;
  constructor(key: string, reason: string) {
    super(`Invalid blob key ${JSON.stringify(key.slice(0, 80))}: ${reason}`);
    this.name = "InvalidBlobKeyError";
    this.key = key;
  }
}

export class InvalidRangeError extends Error {
  readonly code = "invalid_range";
  constructor(key: string, detail: string) {
    super(`Invalid range for blob ${key}: ${detail}`);
    this.name = "InvalidRangeError";
  }
}

// Raised by ping() so readiness checks can report one clear line.
export class BlobStoreUnavailableError extends Error {
  readonly code = "blob_store_unavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BlobStoreUnavailableError";
  }
}
