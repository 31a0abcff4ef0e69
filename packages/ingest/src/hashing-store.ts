import { createHash, type Hash } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import type { DataStore } from "@tus/utils";

export interface StreamHashTracker {
  /**
   * The upload's SHA-256 if every byte from 0 to `size` passed through this process in order, else null
   * (the caller then hashes the stored bytes). Forgets the upload either way.
   */
  finish(id: string, size: number): string | null;
  forget(id: string): void;
}

export interface HashingOptions {
  /** Called with the new offset as bytes arrive (the caller throttles) and after each write. */
  onProgress?: (id: string, offset: number, settled: boolean) => void;
}

interface HashState {
  hash: Hash;
  /** Bytes fed into `hash` so far: a prefix of what the store received, in order. */
  hashed: number;
}

/**
 * Wraps `datastore.write` so the SHA-256 is computed while bytes stream in (no second read of the file).
 *
 * Why this is safe: the tap sits before the store, so what the store persisted is always a prefix of what
 * was hashed. A later write continues the hash only when it starts exactly where the hash stopped. When it
 * does not (a connection dropped after we hashed bytes the store never wrote, a resume that lands in
 * another web process, a restart that lost this in-memory state), the state is dropped and `finish`
 * answers null: completeUpload then hashes the stored bytes instead.
 */
export function withStreamingHash(datastore: DataStore, options: HashingOptions = {}): StreamHashTracker {
  const states = new Map<string, HashState>();
  const innerWrite = datastore.write.bind(datastore);

  datastore.write = async (stream: Readable, id: string, offset: number): Promise<number> => {
    let state = states.get(id);
    if (offset === 0) {
      state = { hash: createHash("sha256"), hashed: 0 };
      states.set(id, state);
    } else if (state && state.hashed !== offset) {
      states.delete(id);
      state = undefined;
    }
    const tracked = state;
    let seen = offset;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (tracked) {
          tracked.hash.update(chunk);
          tracked.hashed += chunk.length;
        }
        seen += chunk.length;
        options.onProgress?.(id, seen, false);
        callback(null, chunk);
      },
    });
    stream.on("error", (error) => tap.destroy(error));
    const newOffset = await innerWrite(stream.pipe(tap), id, offset);
    options.onProgress?.(id, newOffset, true);
    return newOffset;
  };

  return {
    finish(id, size) {
      const state = states.get(id);
      states.delete(id);
      if (!state || state.hashed !== size) return null;
      return state.hash.digest("hex");
    },
    forget(id) {
      states.delete(id);
    },
  };
}
