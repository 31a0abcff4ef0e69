import type { Database } from "@wallpaperdb/db";
import { renderVariant } from "@wallpaperdb/imaging";
import type { ImageFormat, ImageVariantKind } from "@wallpaperdb/imaging/variant-kinds";
import { variantKey } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { recordMediaCache } from "@wallpaperdb/telemetry";
import { sql } from "drizzle-orm";
import { readBlob } from "./blob-response.ts";
import { contentTypes } from "./media-path.ts";
import { insertVariant, loadVariants, type VariantRecord, type VisibleWallpaper } from "./media-records.ts";
import { limitConcurrency, singleFlight } from "./single-flight.ts";

export interface LazyDeps {
  db: Database;
  blobStore: BlobStore;
  /** The pixel cap for the source decode (media's MAX_IMAGE_PIXELS); default 100 MP as there. */
  maxPixels?: number;
}

const once = singleFlight<VariantRecord>();
// A browser that takes neither AVIF nor the stored formats asks for a whole gallery page at once: two
// renders at a time per process keep the web app's CPU and memory (each reads an original) bounded.
const rendering = limitConcurrency(2);

/** The frame the eager render used: the original image, or a video's poster frame. */
function sourceKeyOf(wallpaper: VisibleWallpaper): string {
  if (wallpaper.mediaType === "image") return wallpaper.originalKey;
  if (!wallpaper.posterKey) throw new Error(`wallpaper ${wallpaper.id} has no poster frame to encode from`);
  return wallpaper.posterKey;
}

/**
 * A variant in a format the pipeline does not store (apps/workers/src/adapters/imaging.ts EAGER_FORMATS:
 * only AVIF is), rendered on its first request from the same source with the same size and encoder
 * settings, then stored like any variant: its row gives it a content-hashed, immutable URL, and every
 * later request is a plain read. Concurrent first requests share one render in this process
 * (`singleFlight`); across processes a transaction-scoped advisory lock on the blob key lets the first
 * render and store, and the others find its row once the lock is theirs. Only for kinds the wallpaper
 * has at least one row of (the caller checks): a wallpaper processed before a kind existed gets it from
 * a re-run of the variants step, not from a page view.
 */
export function ensureLazyVariant(
  deps: LazyDeps,
  wallpaper: VisibleWallpaper,
  kind: ImageVariantKind,
  format: ImageFormat,
): Promise<VariantRecord> {
  const key = variantKey(wallpaper.id, kind, format);
  return once(key, () =>
    rendering(() =>
      deps.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
        const existing = (await loadVariants(tx, wallpaper.id, kind)).find((v) => v.format === format);
        if (existing) {
          recordMediaCache("hit");
          return existing;
        }
        recordMediaCache("miss");
        const source = await readBlob(deps.blobStore, sourceKeyOf(wallpaper));
        const rendered = await renderVariant(source, kind, format, {
          avifEffort: 0,
          maxPixels: deps.maxPixels,
        });
        await deps.blobStore.put(key, rendered.data, {
          contentType: contentTypes[format],
          contentLength: rendered.data.length,
        });
        const record: VariantRecord = {
          kind,
          format,
          width: rendered.width,
          height: rendered.height,
          storageKey: key,
          contentHash: rendered.contentHash,
          sizeBytes: rendered.data.length,
        };
        await insertVariant(tx, wallpaper.id, record);
        return record;
      }),
    ),
  );
}
