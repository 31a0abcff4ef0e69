import { createHash } from "node:crypto";
import { AppError } from "@wallpaperdb/core/errors";
import { z } from "zod";
import type { SearchInput } from "./query/input.ts";

/**
 * Keyset cursors: the sort keys of the last item of a page, as exact text (a timestamp keeps its
 * microseconds, a float its every digit), plus a fingerprint of the query. The keys only ever become
 * bound parameters, so tampering can at worst skip rows; the fingerprint stops a cursor from one
 * query being used with another (which would silently skip or repeat results).
 */
const cursorShape = z.object({
  v: z.literal(1),
  f: z.string().length(16),
  k: z.array(z.string().max(100)).min(1).max(4),
  // the seed of a random order, so page 2 keeps the order page 1 picked when the caller sent none
  s: z.number().int().min(0).nullable(),
});

export interface CursorState {
  keys: string[];
  seed: number | null;
}

export function queryFingerprint(input: SearchInput): string {
  // The seed travels in the cursor instead: page 1 may pick one, and later pages may name it or not.
  const { limit: _limit, seed: _seed, ...rest } = input;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);
}

export function encodeCursor(fingerprint: string, state: CursorState): string {
  return Buffer.from(JSON.stringify({ v: 1, f: fingerprint, k: state.keys, s: state.seed })).toString(
    "base64url",
  );
}

function invalid(reason: string): AppError {
  return new AppError(
    "bad_request",
    "This page cursor does not belong to this search; start from the first page.",
    {
      reason: "invalid_cursor",
      detail: reason,
    },
  );
}

export function decodeCursor(cursor: string, fingerprint: string, keyCount: number): CursorState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid("not a cursor");
  }
  const result = cursorShape.safeParse(parsed);
  if (!result.success) throw invalid("not a cursor");
  if (result.data.f !== fingerprint) throw invalid("made for another query");
  if (result.data.k.length !== keyCount) throw invalid("wrong number of keys");
  return { keys: result.data.k, seed: result.data.s };
}
