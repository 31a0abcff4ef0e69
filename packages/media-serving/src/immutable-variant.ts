import { type Database, variants, wallpapers } from "@wallpaperdb/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { answerWithBlob, IMMUTABLE } from "./blob-response.ts";
import { contentTypes, type VariantFormat, type VariantKind } from "./media-path.ts";
import { type CachedVariant, type VariantCache, variantCacheKey } from "./variant-cache.ts";

// Served files are never documents: a hostile original opened directly cannot run script.
export const SANDBOX = { "content-security-policy": "default-src 'none'; sandbox" } as const;

/**
 * The one row a versioned variant URL needs, in one indexed query (the variants unique index on
 * wallpaper+kind+format, then the wallpaper's primary key), with the public-visibility condition in
 * the same query.
 */
async function loadPublicVariant(
  db: Database,
  id: string,
  kind: VariantKind,
  format: VariantFormat,
): Promise<CachedVariant | undefined> {
  const [row] = await db
    .select({ storageKey: variants.storageKey, contentHash: variants.contentHash })
    .from(variants)
    .innerJoin(wallpapers, eq(wallpapers.id, variants.wallpaperId))
    .where(
      and(
        eq(variants.wallpaperId, id),
        eq(variants.kind, kind),
        eq(variants.format, format),
        isNotNull(wallpapers.processedAt),
        eq(wallpapers.moderation, "approved"),
      ),
    )
    .limit(1);
  return row;
}

/**
 * The hot path: `/media/<id>/<kind>.<format>?v=<hash>` for a public wallpaper whose stored variant has
 * exactly that hash (what every gallery tile and detail page links to). Answers from the variant cache
 * or one query, and one file open (none on a 304). Null means "not this case" — unversioned or stale
 * links, missing or lazily rendered variants, wallpapers that are not public — and the caller takes
 * the general path, which owns every rule about those.
 */
export async function serveImmutableVariant(
  deps: { db: Database; blobStore: Parameters<typeof answerWithBlob>[0]; cache: VariantCache | null },
  request: Request,
  id: string,
  target: { kind: VariantKind; format: VariantFormat },
  version: string,
): Promise<Response | null> {
  const key = variantCacheKey(id, target.kind, target.format, version);
  let row = deps.cache?.get(key);
  if (!row) {
    row = await loadPublicVariant(deps.db, id, target.kind, target.format);
    if (!row || row.contentHash !== version) return null;
    deps.cache?.set(key, row);
  }
  return answerWithBlob(deps.blobStore, request, {
    key: row.storageKey,
    etag: `"${row.contentHash}"`,
    contentType: contentTypes[target.format],
    cacheControl: IMMUTABLE,
    headers: SANDBOX,
  });
}
