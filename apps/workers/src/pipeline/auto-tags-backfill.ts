import { type Database, wallpapers } from "@wallpaperdb/db";
import { namedColorsOf } from "@wallpaperdb/imaging/colors";
import { eq, sql } from "drizzle-orm";
import { refreshAutoTags } from "../handlers/autotag.ts";

export interface BackfillResult {
  /** wallpapers whose `color_names` was filled */
  named: number;
  /** of those, processed ones whose auto tags were refreshed from the new names */
  retagged: number;
}

/**
 * Fills `wallpapers.color_names` for wallpapers the colour step ran on before migration 0015 (null
 * there), by the one colour rule applied to the stored palette: the rule needs only the palette's OKLab
 * values and fractions, so nothing is decoded again (a re-drive of the colour step would re-decode every
 * image and still not refresh the tags, which are set once, when the wallpaper is first processed).
 * Processed wallpapers then get their auto tags refreshed, so tags, swatch search and page agree.
 * Idempotent and resumable: it only ever picks rows that are still null.
 */
export async function backfillColorNames(db: Database, batchSize = 200): Promise<BackfillResult> {
  const result: BackfillResult = { named: 0, retagged: 0 };
  for (;;) {
    const batch = await db.execute<{
      id: string;
      processed: boolean;
      palette: { l: number; a: number; b: number; fraction: number }[];
    }>(sql`
      select w.id::text as id, w.processed_at is not null as processed,
        json_agg(json_build_object('l', c.l, 'a', c.a, 'b', c.b, 'fraction', c.fraction) order by c.rank) as palette
      from wallpapers w join wallpaper_colors c on c.wallpaper_id = w.id
      where w.color_names is null
      group by w.id
      limit ${batchSize}`);
    if (batch.length === 0) return result;
    for (const row of batch) {
      const names = namedColorsOf(row.palette);
      await db.update(wallpapers).set({ colorNames: names }).where(eq(wallpapers.id, row.id));
      result.named++;
      if (row.processed && (await refreshAutoTags({ db }, row.id)).status === "done") result.retagged++;
    }
  }
}
