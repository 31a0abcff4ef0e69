import { randomUUID } from "node:crypto";
import type { Stats } from "node:fs";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { BlobMetadata, BlobStore, ListedBlob, PutResult } from "./blob-store.ts";
import { resolveRange, toReadable } from "./body.ts";
import { BlobNotFoundError, BlobStoreUnavailableError, InvalidRangeError } from "./errors.ts";
import { assertValidBlobKey, assertValidBlobPrefix } from "./keys.ts";
import { signLocalBlob } from "./local-signature.ts";

export { createLocalBlobRequestHandler } from "./local-http.ts";
export { signLocalBlob, verifyLocalSignature } from "./local-signature.ts";

export const LOCAL_BLOB_ROUTE = "/api/blobs";

export interface LocalBlobStoreOptions {
  /** Absolute (or cwd-relative) folder; created on first write. */
  root: string;
  /** Origin the web app is reachable at; signed URLs point at `${publicBaseUrl}/api/blobs/<key>`. */
  publicBaseUrl: string;
  signingSecret: string;
}

interface SidecarMeta {
  contentType: string;
  // The inode the metadata was written for; a mismatch means the blob was replaced since.
  ino: number;
}

const NOT_A_BLOB = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

// Derived from inode + size + mtime, like static file servers: cheap, and a rename-in
// replacement always produces a new one without re-reading the bytes.
function etagOf(st: Stats): string {
  return `${st.ino.toString(36)}-${st.size.toString(36)}-${Math.trunc(st.mtimeMs).toString(36)}`;
}

function expiryFromNow(expiresInSeconds: number): number {
  if (!Number.isSafeInteger(expiresInSeconds) || expiresInSeconds <= 0) {
    throw new RangeError("expiresInSeconds must be a positive integer");
  }
  return Math.floor(Date.now() / 1000) + expiresInSeconds;
}

export function createLocalBlobStore(options: LocalBlobStoreOptions): BlobStore {
  // Objects, sidecar metadata and in-flight temp files live in sibling trees, so no key can
  // collide with bookkeeping files and temp files share the objects' filesystem (atomic rename).
  const root = resolve(options.root);
  const objectsRoot = join(root, "objects");
  const metaRoot = join(root, "meta");
  const tmpRoot = join(root, "tmp");
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, "");

  function pathIn(tree: string, key: string, suffix = ""): string {
    assertValidBlobKey(key);
    const full = resolve(tree, key + suffix);
    // Validation already forbids "..", this is the belt to its braces.
    if (!full.startsWith(tree + sep)) throw new Error(`Blob key resolves outside the store: ${key}`);
    return full;
  }

  async function writeFileAtomically(target: string, data: string): Promise<void> {
    await mkdir(tmpRoot, { recursive: true });
    const tmp = join(tmpRoot, `${randomUUID()}.meta`);
    try {
      await writeFile(tmp, data, { flag: "wx" });
      await mkdir(dirname(target), { recursive: true });
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async function readContentType(key: string, st: Stats): Promise<string | undefined> {
    try {
      const meta = JSON.parse(await readFile(pathIn(metaRoot, key, ".json"), "utf8")) as SidecarMeta;
      return meta.ino === st.ino ? meta.contentType : undefined;
    } catch {
      return undefined;
    }
  }

  async function metadataOf(key: string, st: Stats): Promise<BlobMetadata> {
    const contentType = await readContentType(key, st);
    return {
      key,
      size: st.size,
      etag: etagOf(st),
      lastModified: st.mtime,
      ...(contentType ? { contentType } : {}),
    };
  }

  async function* walk(dir: string, keyPrefix: string, prefix: string): AsyncGenerator<ListedBlob> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (NOT_A_BLOB.has(errorCode(error) ?? "")) return;
      throw error;
    }
    for (const entry of entries) {
      const key = keyPrefix + entry.name;
      if (entry.isDirectory()) {
        const asDir = `${key}/`;
        if (asDir.startsWith(prefix) || prefix.startsWith(asDir))
          yield* walk(join(dir, entry.name), asDir, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        try {
          const st = await stat(join(dir, entry.name));
          yield { key, size: st.size, lastModified: st.mtime };
        } catch (error) {
          // Deleted while listing: simply not there any more.
          if (errorCode(error) !== "ENOENT") throw error;
        }
      }
    }
  }

  return {
    kind: "local",

    async put(key, body, opts): Promise<PutResult> {
      const target = pathIn(objectsRoot, key);
      await mkdir(tmpRoot, { recursive: true });
      const tmp = join(tmpRoot, randomUUID());
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          callback(null, chunk);
        },
      });
      try {
        await pipeline(toReadable(body), counter, createWriteStream(tmp, { flags: "wx", flush: true }));
        if (opts?.contentLength !== undefined && opts.contentLength !== size) {
          throw new Error(`Blob ${key}: expected ${opts.contentLength} bytes, received ${size}`);
        }
        const st = await stat(tmp);
        const metaPath = pathIn(metaRoot, key, ".json");
        if (opts?.contentType) {
          const meta: SidecarMeta = { contentType: opts.contentType, ino: st.ino };
          await writeFileAtomically(metaPath, JSON.stringify(meta));
        }
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        if (!opts?.contentType) await rm(metaPath, { force: true });
        return { key, size, etag: etagOf(st) };
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },

    async get(key, opts) {
      const path = pathIn(objectsRoot, key);
      let handle: import("node:fs/promises").FileHandle;
      try {
        // Holding the descriptor pins this version: a concurrent overwrite renames a new
        // inode into place and this reader keeps streaming the complete old one.
        handle = await open(path, "r");
      } catch (error) {
        if (NOT_A_BLOB.has(errorCode(error) ?? "")) throw new BlobNotFoundError(key, { cause: error });
        throw error;
      }
      try {
        const st = await handle.stat();
        if (!st.isFile()) throw new BlobNotFoundError(key);
        const range = resolveRange(st.size, opts?.range);
        if (range === "unsatisfiable") {
          throw new InvalidRangeError(key, `requested ${JSON.stringify(opts?.range)} of ${st.size} bytes`);
        }
        const meta = await metadataOf(key, st);
        const body = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
        const contentLength = range ? range.end - range.start + 1 : st.size;
        return { ...meta, body, contentLength, ...(range ? { range } : {}) };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async head(key) {
      const path = pathIn(objectsRoot, key);
      try {
        const st = await stat(path);
        return st.isFile() ? await metadataOf(key, st) : null;
      } catch (error) {
        if (NOT_A_BLOB.has(errorCode(error) ?? "")) return null;
        throw error;
      }
    },

    async delete(key) {
      const path = pathIn(objectsRoot, key);
      try {
        await unlink(path);
      } catch (error) {
        // EPERM is what some platforms return for unlink() on a directory: not a blob either.
        if (!NOT_A_BLOB.has(errorCode(error) ?? "") && errorCode(error) !== "EPERM") throw error;
      }
      await rm(pathIn(metaRoot, key, ".json"), { force: true });
    },

    list(prefix) {
      assertValidBlobPrefix(prefix);
      const dirPart = prefix.slice(0, prefix.lastIndexOf("/") + 1);
      return walk(dirPart ? join(objectsRoot, dirPart) : objectsRoot, dirPart, prefix);
    },

    async ping() {
      const probe = join(tmpRoot, `ping-${randomUUID()}`);
      try {
        await mkdir(objectsRoot, { recursive: true });
        await mkdir(tmpRoot, { recursive: true });
        await writeFile(probe, "ok", { flag: "wx" });
        await rm(probe, { force: true });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new BlobStoreUnavailableError(`Local blob directory ${root} is not writable: ${reason}`, {
          cause: error,
        });
      }
    },

    async presignGet(key, opts) {
      assertValidBlobKey(key);
      const exp = expiryFromNow(opts.expiresInSeconds);
      const sig = signLocalBlob(key, exp, "GET", options.signingSecret, opts.contentDisposition);
      const cd = opts.contentDisposition ? `&cd=${encodeURIComponent(opts.contentDisposition)}` : "";
      return `${baseUrl}${LOCAL_BLOB_ROUTE}/${key}?exp=${exp}&sig=${sig}${cd}`;
    },

    async presignPut(key, opts) {
      assertValidBlobKey(key);
      const exp = expiryFromNow(opts.expiresInSeconds);
      const sig = signLocalBlob(key, exp, "PUT", options.signingSecret);
      return `${baseUrl}${LOCAL_BLOB_ROUTE}/${key}?exp=${exp}&sig=${sig}`;
    },
  };
}
