import { randomInt } from "node:crypto";
import { AppError } from "@wallpaperdb/core/errors";
import type { Executor } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";
import type { SearchPage } from "./backend.ts";
import { type ColorTarget, colorTargets } from "./color-match.ts";
import { type CursorState, decodeCursor, queryFingerprint } from "./cursor.ts";
import { MAX_SEED, type SearchInput } from "./query/input.ts";
import type { Purity } from "./query/purity.ts";
import { type ResolvedTags, resolveSearchTags } from "./resolve-tags.ts";
import { resolveUploader } from "./uploader.ts";
import { shownPurities, type ViewerScope, visitorScope } from "./viewer-scope.ts";

/** Everything both backends derive from an input before running it. */
export interface PreparedSearch {
  input: SearchInput;
  tags: ResolvedTags;
  colors: ColorTarget[];
  seed: number;
  similarPhash: bigint | null;
  /** `uploader:`: the account's id, null for an unknown name, undefined without the term */
  uploaderId: string | null | undefined;
  /** who is looking (viewer-scope.ts) and the purities this search shows them */
  scope: ViewerScope;
  purities: Purity[];
  fingerprint: string;
  after: CursorState | null;
  now: Date;
}

export async function prepareSearch(
  db: Executor,
  input: SearchInput,
  cursor: string | null | undefined,
  keyCount: number,
  scope: ViewerScope = visitorScope,
): Promise<PreparedSearch> {
  const fingerprint = queryFingerprint(input);
  const after = cursor ? decodeCursor(cursor, fingerprint, keyCount) : null;
  if (after && input.seed !== undefined && after.seed !== null && after.seed !== input.seed) {
    throw new AppError(
      "bad_request",
      "This page cursor was made with another seed; start from the first page.",
      {
        reason: "invalid_cursor",
      },
    );
  }
  let similarPhash: bigint | null = null;
  if (input.sort === "similar" && input.similarTo) {
    const [row] = await db.execute<{
      phash: string | null;
    }>(sql`select f.phash::text as phash from wallpapers w
      join wallpaper_facts f on f.wallpaper_id = w.id
      where w.id = ${input.similarTo}::uuid and w.processed_at is not null and w.moderation = 'approved'`);
    if (!row?.phash) {
      throw new AppError("not_found", "No visible wallpaper with a perceptual hash has that id.", {
        similarTo: input.similarTo,
      });
    }
    similarPhash = BigInt(row.phash);
  }
  return {
    input,
    tags: await resolveSearchTags(db, input.tags),
    colors: colorTargets(input.colors),
    seed: input.seed ?? after?.seed ?? randomInt(MAX_SEED),
    similarPhash,
    uploaderId: await resolveUploader(db, input.uploader),
    scope,
    purities: shownPurities(scope, input.purity),
    fingerprint,
    after,
    now: new Date(),
  };
}

export function emptyPage(prepared: PreparedSearch): SearchPage {
  return {
    items: [],
    nextCursor: null,
    total: 0,
    totalIsEstimate: false,
    seed: prepared.input.sort === "random" ? prepared.seed : null,
    unknownTags: prepared.tags.unknown,
  };
}
