import type { Database } from "@wallpaperdb/db";
import { renderVariant } from "@wallpaperdb/imaging";
import { variantKey } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { recordMediaCache } from "@wallpaperdb/telemetry";
import { sql } from "drizzle-orm";
import { readBlob } from "./blob-response.ts";
import { insertVariant, loadVariants, type VariantRecord, type VisibleWallpaper } from "./media-records.ts";
import { singleFlight } from "./single-flight.ts";

export interface LazyDeps {
  db: Database;
  blobStore: BlobStore;
}

const once = singleFlight<VariantRecord>();

async function sourceFor(
  deps: LazyDeps,
  wallpaper: VisibleWallpaper,
  stored: VariantRecord[],
): Promise<Buffer> {
  // Images: the original, exactly as the pipeline's eager render would. Videos: the stored WebP preview
  // (already the poster at preview size), since the original is a video.
  if (wallpaper.mediaType === "image") return readBlob(deps.blobStore, wallpaper.originalKey);
  const webp = stored.find((variant) => variant.format === "webp") ?? stored.find((v) => v.format === "jpeg");
  if (!webp) throw new Error(`wallpaper ${wallpaper.id} has no stored preview to encode from`);
  return readBlob(deps.blobStore, webp.storageKey);
}

/**
 * The preview AVIF, rendered on its first request (the pipeline skips it: a 2560 px AVIF costs about
 * four times the WebP and JPEG together) and then stored like any variant. A transaction-scoped advisory
 * lock makes concurrent first requests in several web processes render it once.
 */
export function ensurePreviewAvif(deps: LazyDeps, wallpaper: VisibleWallpaper): Promise<VariantRecord> {
  return once(wallpaper.id, () =>
    deps.db.transaction(async (tx) => {
      const key = variantKey(wallpaper.id, "preview", "avif");
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
      const stored = await loadVariants(tx, wallpaper.id, "preview");
      const existing = stored.find((variant) => variant.format === "avif");
      if (existing) {
        recordMediaCache("hit");
        return existing;
      }
      recordMediaCache("miss");
      const rendered = await renderVariant(await sourceFor(deps, wallpaper, stored), "preview", "avif", {
        avifEffort: 0,
      });
      await deps.blobStore.put(key, rendered.data, {
        contentType: "image/avif",
        contentLength: rendered.data.length,
      });
      const record: VariantRecord = {
        kind: "preview",
        format: "avif",
        width: rendered.width,
        height: rendered.height,
        storageKey: key,
        contentHash: rendered.contentHash,
        sizeBytes: rendered.data.length,
      };
      await insertVariant(tx, wallpaper.id, record);
      return record;
    }),
  );
}
