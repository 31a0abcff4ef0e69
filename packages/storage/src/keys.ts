import { InvalidBlobKeyError } from "./errors.ts";

export const MAX_BLOB_KEY_LENGTH = 512;

const ALLOWED = /^[A-Za-z0-9._\-/]+$/;

// Keys come from the app, but a key also becomes a file path (local) and a URL path (both),
// so anything that could escape a folder or confuse a URL is refused here, once.
export function assertValidBlobKey(key: string): void {
  if (typeof key !== "string" || key.length === 0) throw new InvalidBlobKeyError(String(key), "empty");
  if (key.length > MAX_BLOB_KEY_LENGTH) {
    throw new InvalidBlobKeyError(key, `longer than ${MAX_BLOB_KEY_LENGTH} characters`);
  }
  if (key.includes("\\")) throw new InvalidBlobKeyError(key, "backslash not allowed");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(key)) throw new InvalidBlobKeyError(key, "control character not allowed");
  if (!ALLOWED.test(key)) throw new InvalidBlobKeyError(key, "only A-Z a-z 0-9 . _ - / are allowed");
  if (key.startsWith("/")) throw new InvalidBlobKeyError(key, "must be relative (no leading /)");
  for (const segment of key.split("/")) {
    if (segment === "") throw new InvalidBlobKeyError(key, "empty path segment (// or trailing /)");
    if (segment === "." || segment === "..") throw new InvalidBlobKeyError(key, `"${segment}" segment`);
  }
}

// A list prefix may be empty or end in "/", but must not smuggle traversal either.
export function assertValidBlobPrefix(prefix: string): void {
  if (prefix === "") return;
  assertValidBlobKey(prefix.endsWith("/") ? `${prefix}x` : prefix);
}
