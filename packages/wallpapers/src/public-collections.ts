import { collectionItems, collections, type Executor, wallpapers } from "@wallpaperdb/db";
import { scopeOnlyCondition } from "@wallpaperdb/search";
import { inArray, sql } from "drizzle-orm";
import { type CollectionSummary, listPublicCollections, type Viewer } from "./collections.ts";
import { requirePublicAccount } from "./uploader.ts";
import { loadViewerScope } from "./viewer-scope.ts";

/** How many wallpapers a collection's cover shows (wallhaven shows a strip of a few). */
export const COVER_SIZE = 4;

export interface PublicCollection extends CollectionSummary {
  /** Its first wallpapers in the owner's order, only ones the gallery shows the caller: the cover. */
  coverIds: string[];
}

/**
 * An account's public collections by its handle (`/users/<username>`), most recently changed first,
 * each with its cover. Private ones are never listed, not even to their owner: the page shows what
 * everyone sees, and the owner manages the rest on /collections. Unknown and disabled accounts are
 * `not_found`, as their profile is.
 */
export async function listPublicCollectionsByUsername(
  db: Executor,
  username: string,
  caller: Viewer,
): Promise<PublicCollection[]> {
  const account = await requirePublicAccount(db, username);
  const rows = await listPublicCollections(db, account.id, caller);
  if (rows.length === 0) return [];
  // A cover shows what the collection's page shows this caller: its purities and blacklist apply.
  const scope = scopeOnlyCondition(await loadViewerScope(db, caller), "wallpapers");
  // One statement for every cover: each walks collection_items_order_idx from its first position. The
  // outer id is written qualified: drizzle leaves a lone table's columns bare, and a bare "id" would be
  // the wallpaper's inside the subquery.
  const covers = await db
    .select({
      id: collections.id,
      coverIds: sql<string[]>`array(
        select ${collectionItems.wallpaperId} from ${collectionItems}
        join ${wallpapers} on ${wallpapers.id} = ${collectionItems.wallpaperId}
        where ${collectionItems.collectionId} = ${collections}.id
          and ${wallpapers.processedAt} is not null and ${wallpapers.moderation} = 'approved'
          ${scope ? sql`and ${scope}` : sql``}
        order by ${collectionItems.position}, ${collectionItems.wallpaperId}
        limit ${COVER_SIZE})::text[]`,
    })
    .from(collections)
    .where(
      inArray(
        collections.id,
        rows.map((row) => row.id),
      ),
    );
  const byId = new Map(covers.map((row) => [row.id, row.coverIds]));
  return rows.map((row) => ({ ...row, coverIds: byId.get(row.id) ?? [] }));
}
