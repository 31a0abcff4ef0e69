import { randomBytes } from "node:crypto";
import { type Executor, users, wallpapers } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";
import type { Actor } from "../src/types.ts";

export async function makeUser(
  db: Executor,
  role: "user" | "curator" | "admin" = "curator",
): Promise<Actor & { role: string }> {
  const id = `u_${randomBytes(6).toString("hex")}`;
  await db.insert(users).values({ id, name: id, email: `${id}@example.test`, role });
  return { id, role };
}

export async function makeWallpapers(
  db: Executor,
  count: number,
  uploaderId: string | null = null,
): Promise<string[]> {
  const rows = await db
    .insert(wallpapers)
    .values(
      Array.from({ length: count }, () => ({
        sha256: randomBytes(32).toString("hex"),
        mediaType: "image" as const,
        mimeType: "image/png",
        originalKey: `originals/${randomBytes(8).toString("hex")}`,
        sizeBytes: 1000,
        width: 1920,
        height: 1080,
        uploaderId,
      })),
    )
    .returning({ id: wallpapers.id });
  return rows.map((row) => row.id);
}

/** Tags whose stored count differs from a recount: must always be empty. */
export async function countMismatches(db: Executor) {
  const result = await db.execute(sql`select t.name, t.wallpaper_count, x.actual from tags t
    cross join lateral (select count(distinct w.wallpaper_id)::int as actual from wallpaper_tags w where w.tag_id = t.id) x
    where t.wallpaper_count <> x.actual`);
  return [...result];
}

export async function tagNamesOf(db: Executor, wallpaperId: string, source?: string): Promise<string[]> {
  const result =
    await db.execute(sql`select distinct t.name from wallpaper_tags wt join tags t on t.id = wt.tag_id
    where wt.wallpaper_id = ${wallpaperId} ${source ? sql`and wt.source = ${source}::tag_source` : sql``} order by t.name`);
  return [...result].map((row) => String(row.name));
}
