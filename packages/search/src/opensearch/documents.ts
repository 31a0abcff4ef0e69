import type { Executor } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";
import { visible } from "../postgres/filters.ts";
import type { WallpaperDocument } from "./mapping.ts";

type DocumentRow = Omit<WallpaperDocument, "colors" | "tag_ids" | "color_names"> & {
  tag_ids: number[] | null;
  color_names: string[] | null;
  colors: WallpaperDocument["colors"] | null;
};

/**
 * Search documents for visible wallpapers, read from PostgreSQL (the source of truth); ids that are
 * not visible (pending moderation, unprocessed, deleted) are simply absent from the result.
 */
export async function loadDocuments(
  db: Executor,
  ids: readonly string[] | "all",
  after?: string,
): Promise<WallpaperDocument[]> {
  const scope =
    ids === "all"
      ? sql`${after ? sql`w.id > ${after}::uuid` : sql`true`}`
      : sql`w.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const rows = await db.execute<DocumentRow>(sql`
    select w.id::text as id, w.media_type::text as media_type, w.width, w.height,
      to_char(w.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
      f.aspect_name, f.orientation, f.quality_score, f.phash::text as phash,
      w.color_names, w.uploader_id, w.purity::text as purity,
      (select array_agg(distinct wt.tag_id) from wallpaper_tags wt where wt.wallpaper_id = w.id) as tag_ids,
      (select json_agg(json_build_object('l', c.l, 'a', c.a, 'b', c.b, 'fraction', c.fraction) order by c.rank)
         from wallpaper_colors c where c.wallpaper_id = w.id) as colors
    from wallpapers w left join wallpaper_facts f on f.wallpaper_id = w.id
    where ${visible} and ${scope}
    order by w.id
    ${ids === "all" ? sql`limit 500` : sql``}`);
  return rows.map((row) => ({
    ...row,
    tag_ids: row.tag_ids ?? [],
    color_names: row.color_names ?? [],
    colors: row.colors ?? [],
  }));
}
