import { type Database, tagAliases, tags, wallpapers } from "@wallpaperdb/db";
import type { WallpaperCard } from "@wallpaperdb/search";
import { inArray } from "drizzle-orm";
import { type ListingSource, listingItem, type WallhavenListingItem } from "./shapes.ts";

// wallhaven's objects carry a few facts the gallery's cards and the page's view model do not: the
// original's size and type, a tag's aliases and creation time. Read here in one query per kind, for
// wallpapers and tags the caller was already allowed to see.

/** Cards (already filtered by the caller's scope) as wallhaven listing items, in their order. */
export async function listingItems(
  db: Database,
  cards: readonly WallpaperCard[],
  origin: string,
): Promise<WallhavenListingItem[]> {
  if (cards.length === 0) return [];
  const rows = await db
    .select({ id: wallpapers.id, sizeBytes: wallpapers.sizeBytes, mimeType: wallpapers.mimeType })
    .from(wallpapers)
    .where(
      inArray(
        wallpapers.id,
        cards.map((card) => card.id),
      ),
    );
  const files = new Map(rows.map((row) => [row.id, row]));
  return cards.map((card) => {
    const file = files.get(card.id);
    const source: ListingSource = {
      ...card,
      sizeBytes: file?.sizeBytes ?? 0,
      mimeType: file?.mimeType ?? "",
    };
    return listingItem(source, origin);
  });
}

/** Each tag's aliases and creation time, by tag id. */
export async function tagFacts(
  db: Database,
  tagIds: readonly number[],
): Promise<Map<number, { aliases: string[]; createdAt: Date }>> {
  const facts = new Map<number, { aliases: string[]; createdAt: Date }>();
  if (tagIds.length === 0) return facts;
  const [rows, aliases] = await Promise.all([
    db
      .select({ id: tags.id, createdAt: tags.createdAt })
      .from(tags)
      .where(inArray(tags.id, [...tagIds])),
    db
      .select({ name: tagAliases.name, tagId: tagAliases.tagId })
      .from(tagAliases)
      .where(inArray(tagAliases.tagId, [...tagIds]))
      .orderBy(tagAliases.name),
  ]);
  for (const row of rows) facts.set(row.id, { aliases: [], createdAt: row.createdAt });
  for (const alias of aliases) facts.get(alias.tagId)?.aliases.push(alias.name);
  return facts;
}
