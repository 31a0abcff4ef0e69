import { type Database, wallpapers } from "@wallpaperdb/db";
import { linkNearDuplicates, phashChunks, phashToBigint, upsertFacts } from "@wallpaperdb/pipeline";
import type { BlobStore } from "@wallpaperdb/storage";
import { eq, sql } from "drizzle-orm";
import { readBlob } from "../adapters/blobs.ts";
import {
  type Analysis,
  computeNearDuplicateSignature,
  computeQuality,
  decodeAnalysis,
  QUALITY_VERSION,
  releaseAnalysis,
} from "../adapters/imaging.ts";

export interface AnalysisBackfillResult {
  /** wallpapers that got their crop hashes (migration 0019) and a refreshed facts.phash, and were linked */
  hashed: number;
  /** of those, how many were flagged as a near-duplicate of another wallpaper */
  flagged: number;
  /** wallpapers whose quality score was computed again by the current formula (QUALITY_VERSION) */
  rescored: number;
  /** wallpapers whose analysis blob could not be read (left as they were, reported in the log) */
  failed: string[];
}

/**
 * Brings wallpapers processed before the crop-tolerant near-duplicate signature (no `wallpaper_hashes`
 * rows) or before the current quality formula (`quality_components.version` older than QUALITY_VERSION)
 * up to date from their stored analysis blob: nothing decodes an original again. Oldest first, so each
 * is linked to the earlier ones as the variants step would have done. Idempotent and resumable: it only
 * picks rows that still need it, and a wallpaper whose blob fails is skipped on later passes of this run.
 */
export async function backfillFromAnalysis(
  db: Database,
  blobStore: BlobStore,
  batchSize = 100,
): Promise<AnalysisBackfillResult> {
  const result: AnalysisBackfillResult = { hashed: 0, flagged: 0, rescored: 0, failed: [] };
  for (;;) {
    const skip = sql`w.id::text <> all(${`{${result.failed.join(",")}}`}::text[])`;
    const batch = await db.execute<{
      id: string;
      analysis_key: string;
      width: number;
      height: number;
      needs_hashes: boolean;
      needs_quality: boolean;
    }>(sql`
      select w.id::text as id, f.analysis_key, w.width, w.height,
        not exists (select 1 from wallpaper_hashes h where h.wallpaper_id = w.id) as needs_hashes,
        f.quality_score is not null
          and coalesce((f.quality_components->>'version')::int, 1) < ${QUALITY_VERSION} as needs_quality
      from wallpapers w join wallpaper_facts f on f.wallpaper_id = w.id
      where f.analysis_key is not null and ${skip}
        and (not exists (select 1 from wallpaper_hashes h where h.wallpaper_id = w.id)
          or (f.quality_score is not null
            and coalesce((f.quality_components->>'version')::int, 1) < ${QUALITY_VERSION}))
      order by w.created_at, w.id
      limit ${batchSize}`);
    if (batch.length === 0) return result;
    for (const row of batch) {
      let analysis: Analysis;
      try {
        analysis = await decodeAnalysis(await readBlob(blobStore, row.analysis_key));
      } catch {
        result.failed.push(row.id);
        continue;
      }
      const signature = row.needs_hashes ? computeNearDuplicateSignature(analysis) : null;
      const quality = row.needs_quality ? computeQuality(analysis, row) : null;
      releaseAnalysis(analysis);
      await db.transaction(async (tx) => {
        // The wallpaper row lock the steps take first: a step finishing now and this backfill serialize.
        await tx
          .select({ id: wallpapers.id })
          .from(wallpapers)
          .where(eq(wallpapers.id, row.id))
          .for("no key update");
        if (signature) {
          // facts.phash (what `wallpaper.similar` compares) is the signature's whole-picture hash now,
          // taken from the 160 px plane: refreshed so old and new wallpapers compare alike.
          const phash = phashToBigint(signature[0]?.hash ?? "");
          const [phash0, phash1, phash2, phash3] = phashChunks(phash);
          await upsertFacts(tx, row.id, { phash, phash0, phash1, phash2, phash3 });
          const found = await linkNearDuplicates(tx, row.id, signature);
          result.hashed++;
          if (found.length > 0) result.flagged++;
        }
        if (quality) {
          await upsertFacts(tx, row.id, {
            qualityScore: quality.score,
            qualityComponents: { ...quality.components },
          });
          result.rescored++;
        }
      });
    }
  }
}
