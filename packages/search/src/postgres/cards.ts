import { type Executor, wallpaperFacts, wallpaperPopularity, wallpapers } from "@wallpaperdb/db";
import type { Purity } from "@wallpaperdb/db/purity";
import { IMAGE_VARIANT_KINDS } from "@wallpaperdb/imaging/variant-kinds";
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { CardVariant, WallpaperCard } from "../backend.ts";

export function mediaUrl(wallpaperId: string, kind: string, format: string, contentHash: string): string {
  return `/media/${wallpaperId}/${kind}.${format}?v=${encodeURIComponent(contentHash)}`;
}

type VariantRow = Omit<CardVariant, "url">;

/** The palette (dominant first) and the gallery variants of one wallpaper, as JSON arrays. */
const colorsJson = (wallpaperId: SQL) => sql`(select coalesce(json_agg(c.hex order by c.rank), '[]'::json)
  from wallpaper_colors c where c.wallpaper_id = ${wallpaperId})`;
const variantsJson = (wallpaperId: SQL) => sql`(select coalesce(json_agg(json_build_object('kind', v.kind,
    'format', v.format, 'width', v.width, 'height', v.height, 'contentHash', v.content_hash)
    order by v.kind, v.format), '[]'::json)
  from variants v where v.wallpaper_id = ${wallpaperId}
    and v.kind in (${sql.join(
      IMAGE_VARIANT_KINDS.map((kind) => sql`${kind}`),
      sql`, `,
    )}))`;

/** A video's clip as `{format, contentHash}`, or null (images, or the poster step has not run). */
const clipJson = (
  wallpaperId: SQL,
) => sql`(select json_build_object('format', v.format, 'contentHash', v.content_hash)
  from variants v where v.wallpaper_id = ${wallpaperId} and v.kind = 'clip' limit 1)`;

interface ClipRow {
  format: string;
  contentHash: string;
}

const clipUrlOf = (id: string, clip: ClipRow | null): string | null =>
  clip ? mediaUrl(id, "clip", clip.format, clip.contentHash) : null;

const withUrls = (id: string, variants: VariantRow[]): CardVariant[] =>
  variants.map((variant) => ({
    ...variant,
    url: mediaUrl(id, variant.kind, variant.format, variant.contentHash),
  }));

/**
 * Gallery cards for ids, in the order given (ids that vanished meanwhile are dropped). One statement:
 * palette and variants are aggregated per row, because every gallery page pays for each round trip.
 */
export async function loadCards(db: Executor, ids: readonly string[]): Promise<WallpaperCard[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const rows = await db
    .select({
      id: wallpapers.id,
      mediaType: wallpapers.mediaType,
      width: wallpapers.width,
      height: wallpapers.height,
      purity: wallpapers.purity,
      createdAt: wallpapers.createdAt,
      aspectName: wallpaperFacts.aspectName,
      orientation: wallpaperFacts.orientation,
      qualityScore: wallpaperFacts.qualityScore,
      thumbhash: wallpaperFacts.thumbhash,
      favoriteCount: sql<number>`coalesce(${wallpaperPopularity.favorites}, 0)::int`,
      viewCount: sql<number>`coalesce(${wallpaperPopularity.views}, 0)::int`,
      colors: sql<string[]>`${colorsJson(sql`${wallpapers.id}`)}`,
      variants: sql<VariantRow[]>`${variantsJson(sql`${wallpapers.id}`)}`,
      clip: sql<ClipRow | null>`${clipJson(sql`${wallpapers.id}`)}`,
    })
    .from(wallpapers)
    .leftJoin(wallpaperFacts, eq(wallpaperFacts.wallpaperId, wallpapers.id))
    .leftJoin(wallpaperPopularity, eq(wallpaperPopularity.wallpaperId, wallpapers.id))
    .where(inArray(wallpapers.id, list));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return list.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { clip, ...card } = row;
    return [{ ...card, variants: withUrls(id, row.variants), clipUrl: clipUrlOf(id, clip) }];
  });
}

/** A row of `withCards`: the page's id and text keys, then the card's columns. */
export interface PageCardRow extends Record<string, unknown> {
  id: string;
  k0: string;
  k1: string;
  media_type: "image" | "video";
  width: number;
  height: number;
  purity: Purity;
  created_at: string;
  aspect_name: string | null;
  orientation: string | null;
  quality_score: number | null;
  thumbhash: string | null;
  favorite_count: number;
  view_count: number;
  colors: string[];
  variants: VariantRow[];
  clip: ClipRow | null;
}

/**
 * Wraps a page query (columns `id`, the text keys `k0…` and the raw keys `r0…`) so the same statement
 * also returns each row's card: one round trip per gallery page instead of two. The outer ORDER BY
 * repeats the page's over its raw keys (the last key is the id, so there are no ties).
 */
export function withCards(page: SQL, keyCount: number, descending: boolean): SQL {
  const direction = descending ? "desc" : "asc";
  const keys = Array.from({ length: keyCount }, (_, i) => sql.raw(`p.k${i}`));
  const order = Array.from({ length: keyCount }, (_, i) => sql.raw(`p.r${i} ${direction} nulls last`));
  return sql`select p.id, ${sql.join(keys, sql`, `)}, cw.media_type::text as media_type, cw.width, cw.height,
      cw.purity::text as purity,
      to_char(cw.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
      cf.aspect_name, cf.orientation, cf.quality_score, cf.thumbhash,
      coalesce(cp.favorites, 0)::int as favorite_count, coalesce(cp.views, 0)::int as view_count,
      ${colorsJson(sql`cw.id`)} as colors, ${variantsJson(sql`cw.id`)} as variants,
      ${clipJson(sql`cw.id`)} as clip
    from (${page}) p
    join wallpapers cw on cw.id = p.id::uuid
    left join wallpaper_facts cf on cf.wallpaper_id = cw.id
    left join wallpaper_popularity cp on cp.wallpaper_id = cw.id
    order by ${sql.join(order, sql`, `)}`;
}

/** The card of a `withCards` row, shaped exactly as `loadCards` returns it. */
export function cardFromRow(row: PageCardRow): WallpaperCard {
  return {
    id: row.id,
    mediaType: row.media_type,
    width: row.width,
    height: row.height,
    purity: row.purity,
    createdAt: new Date(row.created_at),
    aspectName: row.aspect_name,
    orientation: row.orientation,
    qualityScore: row.quality_score,
    thumbhash: row.thumbhash,
    favoriteCount: row.favorite_count,
    viewCount: row.view_count,
    colors: row.colors,
    variants: withUrls(row.id, row.variants),
    clipUrl: clipUrlOf(row.id, row.clip),
  };
}
