import { createHash } from "node:crypto";
import {
  type Database,
  tagAliases,
  tags,
  users,
  wallpaperColors,
  wallpaperFacts,
  wallpapers,
  wallpaperTags,
} from "@wallpaperdb/db";
import { namedPalette } from "@wallpaperdb/imaging/colors";
import { phashChunks } from "@wallpaperdb/pipeline";
import { sql } from "drizzle-orm";
import { type FixtureWallpaper, fixtureAliases, fixtureTags, fixtureUploaders } from "./fixture.ts";

/** Inserts the fixture corpus; returns tag name → id. */
export async function seedFixture(
  db: Database,
  rows: readonly FixtureWallpaper[],
): Promise<Map<string, number>> {
  const created = await db
    .insert(tags)
    .values(fixtureTags.map((name) => ({ name })))
    .returning({ id: tags.id, name: tags.name });
  const tagIds = new Map(created.map((tag) => [tag.name, tag.id]));
  await db
    .insert(tagAliases)
    .values(fixtureAliases.map(([name, tag]) => ({ name, tagId: tagIds.get(tag) ?? 0 })));
  await db.insert(users).values(
    fixtureUploaders.map((name) => ({
      id: `fixture-${name}`,
      name,
      username: name,
      email: `${name}@fixture.test`,
    })),
  );
  await db.insert(wallpapers).values(
    rows.map((row) => ({
      id: row.id,
      sha256: createHash("sha256").update(row.id).digest("hex"),
      mediaType: row.mediaType,
      mimeType: row.mediaType === "image" ? "image/jpeg" : "video/mp4",
      originalKey: `originals/${row.id}`,
      sizeBytes: 1000,
      width: row.width,
      height: row.height,
      moderation: row.moderation,
      processedAt: row.processed ? row.createdAt : null,
      createdAt: row.createdAt,
      colorNames: row.colorNames,
      uploaderId: row.uploader ? `fixture-${row.uploader}` : null,
    })),
  );
  await db.insert(wallpaperFacts).values(
    rows.map((row) => {
      const [phash0, phash1, phash2, phash3] = phashChunks(row.phash);
      return {
        wallpaperId: row.id,
        aspectRatio: row.width / row.height,
        aspectName: row.aspectName,
        orientation: row.orientation,
        megapixels: (row.width * row.height) / 1e6,
        qualityScore: row.quality,
        phash: row.phash,
        phash0,
        phash1,
        phash2,
        phash3,
      };
    }),
  );
  await db
    .insert(wallpaperColors)
    .values(
      rows.flatMap((row) => row.colors.map((color, rank) => ({ wallpaperId: row.id, rank, ...color }))),
    );
  const tagRows = rows.flatMap((row) =>
    [...row.tags].flatMap(([name, sources]) =>
      sources.map((source) => ({ wallpaperId: row.id, tagId: tagIds.get(name) ?? 0, source })),
    ),
  );
  await db.insert(wallpaperTags).values(tagRows);
  await db.execute(sql`analyze`);
  return tagIds;
}

/**
 * `count` generated wallpapers written by SQL alone (fast enough for 20k+ in a test): facts, three
 * palette entries (mostly muted, one in eight saturated, as in real photos) and a couple of tags each, with the value spread of a real gallery.
 */
export async function seedGenerated(db: Database, count: number): Promise<void> {
  await db.execute(
    sql`insert into tags (name) select 'gen_' || g from generate_series(1, 200) g on conflict do nothing`,
  );
  await db.execute(sql`
    insert into wallpapers (id, sha256, media_type, mime_type, original_key, size_bytes, width, height, moderation, processed_at, created_at)
    select gen_random_uuid(), encode(sha256(('gen' || g)::bytea), 'hex'),
      (case when g % 10 = 0 then 'video' else 'image' end)::media_type, 'image/jpeg', 'originals/gen' || g, 1000,
      (array[1920, 2560, 3840, 3440, 1080, 1200, 7680])[1 + g % 7], (array[1080, 1440, 2160, 1440, 1920, 1200, 4320])[1 + g % 7],
      (case when g % 50 = 0 then 'pending' else 'approved' end)::moderation_status,
      case when g % 40 = 0 then null else now() - (g || ' minutes')::interval end,
      now() - (g || ' minutes')::interval
    from generate_series(1, ${count}) g`);
  await db.execute(sql`
    insert into wallpaper_facts (wallpaper_id, aspect_name, orientation, quality_score, phash, phash_0, phash_1, phash_2, phash_3)
    select w.id,
      case when w.width * 9 = w.height * 16 then '16:9' when w.width = 3440 then '21:9' when w.width = w.height then '1:1'
           when w.width * 16 = w.height * 9 then '9:16' else null end,
      case when w.width > w.height then 'landscape' when w.width < w.height then 'portrait' else 'square' end,
      (hashtext(w.id::text) & 1023) / 10.23, h, (h >> 48) & 65535, (h >> 32) & 65535, (h >> 16) & 65535, h & 65535
    from wallpapers w cross join lateral (select hashtextextended(w.id::text, 1) as h) x
    where w.original_key like 'originals/gen%'`);
  await db.execute(sql`
    insert into wallpaper_colors (wallpaper_id, rank, hex, l, a, b, fraction, name, name_hex)
    select w.id, r, '#808080', ((hashtext(w.id::text || r) & 1023) / 1023.0),
      ((hashtext(w.id::text || r || 'a') & 1023) / 1023.0 - 0.5) * (case when hashtext(w.id::text || r) % 8 = 0 then 0.5 else 0.1 end),
      ((hashtext(w.id::text || r || 'b') & 1023) / 1023.0 - 0.5) * (case when hashtext(w.id::text || r) % 8 = 0 then 0.5 else 0.1 end),
      (array[0.6, 0.3, 0.1])[r + 1], 'gray', '#999999'
    from wallpapers w cross join generate_series(0, 2) r where w.original_key like 'originals/gen%'`);
  await db.execute(sql`
    insert into wallpaper_tags (wallpaper_id, tag_id, source)
    select distinct w.id, t.id, 'human'::tag_source from wallpapers w
    cross join generate_series(0, 1) k
    join tags t on t.name = 'gen_' || (1 + (abs(hashtext(w.id::text || k)::bigint) % 200))
    where w.original_key like 'originals/gen%'`);
  // Named colours as the colour step stores them, with a real gallery's spread: one of the ten common in
  // the corpus (charcoal, black, gray…: ~10 % of wallpapers each) and one of the rest (~4 % each).
  // Yellow and white are left out, so a test can make them rare.
  const common = [
    "charcoal",
    "black",
    "gray",
    "brown",
    "silver",
    "dark brown",
    "olive",
    "sky blue",
    "green",
    "dark yellow",
  ];
  const rest = namedPalette
    .map((c) => c.name)
    .filter((n) => !common.includes(n) && n !== "yellow" && n !== "white");
  const textArray = (names: string[]) => `{${names.map((n) => `"${n}"`).join(",")}}`;
  await db.execute(sql`
    update wallpapers w set color_names = array(select distinct n from unnest(array[
      (${textArray(common)}::text[])[(1 + abs(hashtext(w.id::text || 'n1')::bigint) % ${common.length})::int],
      (${textArray(rest)}::text[])[(1 + abs(hashtext(w.id::text || 'n2')::bigint) % ${rest.length})::int]]) as n order by n)
    where w.original_key like 'originals/gen%'`);
  // As autovacuum would on a live database: statistics for the planner and the visibility map that
  // index-only scans (the newest-first walk over tag_ids) rely on; the tag_ids triggers left dead rows.
  await db.execute(sql`vacuum analyze`);
}
