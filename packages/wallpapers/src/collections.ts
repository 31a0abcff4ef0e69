import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import { collectionItems, collections, type Executor, users, wallpapers } from "@wallpaperdb/db";
import { and, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";

/** Enough for any wallhaven-sized collection; it also bounds what one renumbering rewrites. */
export const MAX_COLLECTION_ITEMS = 10_000;
export const MAX_COLLECTIONS_PER_ACCOUNT = 500;

/** What every page and list shows of a collection. The owner's account id stays private. */
export interface CollectionSummary {
  id: string;
  name: string;
  description: string;
  isPublic: boolean;
  ownerName: string;
  /** The caller owns it, so pages offer its tools. */
  own: boolean;
  /** Wallpapers the collection shows (processed and approved, as in the gallery). */
  itemCount: number;
  updatedAt: Date;
}

export type Viewer = Pick<Caller, "id"> | null;

/** The one visibility rule: a public collection is everyone's to see, a private one its owner's only. */
export function mayViewCollection(row: { isPublic: boolean; ownerId: string }, caller: Viewer): boolean {
  return row.isPublic || (caller !== null && caller.id === row.ownerId);
}

export function collectionNotFound(collectionId: string): AppError {
  return new AppError("not_found", "No collection with that id.", {
    reason: "collection_not_found",
    collectionId,
  });
}

/** The gallery's rule for a wallpaper shown in a list: processing finished and approved. */
export const shownWallpaper = and(isNotNull(wallpapers.processedAt), eq(wallpapers.moderation, "approved"));

const summaryColumns = (caller: Viewer) => ({
  id: collections.id,
  name: collections.name,
  description: collections.description,
  isPublic: collections.isPublic,
  ownerName: users.name,
  own: caller ? sql<boolean>`${collections.ownerId} = ${caller.id}` : sql<boolean>`false`,
  itemCount: sql<number>`(select count(*)::int from ${collectionItems}
    join ${wallpapers} on ${wallpapers.id} = ${collectionItems.wallpaperId}
    where ${collectionItems.collectionId} = ${collections.id}
      and ${wallpapers.processedAt} is not null and ${wallpapers.moderation} = 'approved')`,
  updatedAt: collections.updatedAt,
});

function summaries(db: Executor, caller: Viewer, where: SQL | undefined) {
  return db
    .select(summaryColumns(caller))
    .from(collections)
    .innerJoin(users, eq(users.id, collections.ownerId))
    .where(where)
    .orderBy(desc(collections.updatedAt), desc(collections.id));
}

/** One collection as `caller` may see it; a private one is not_found to all but its owner. */
export async function requireViewableCollection(
  db: Executor,
  collectionId: string,
  caller: Viewer,
): Promise<CollectionSummary> {
  const [row] = await summaries(
    db,
    caller,
    and(
      eq(collections.id, collectionId),
      caller ? sql`(${collections.isPublic} or ${collections.ownerId} = ${caller.id})` : collections.isPublic,
    ),
  ).limit(1);
  if (!row) throw collectionNotFound(collectionId);
  return row;
}

/**
 * Locks the collection row for a change by its owner: not_found when the caller may not see it,
 * forbidden when they may see but not change it (a public collection of someone else). The lock
 * serializes changes to one collection, so two moves never read the same neighbours.
 */
export async function lockOwnCollection(tx: Executor, collectionId: string, caller: Pick<Caller, "id">) {
  const [row] = await tx
    .select({ ownerId: collections.ownerId, isPublic: collections.isPublic })
    .from(collections)
    .where(eq(collections.id, collectionId))
    .for("update");
  if (!row || !mayViewCollection(row, caller)) throw collectionNotFound(collectionId);
  if (row.ownerId !== caller.id) {
    throw new AppError("forbidden", "Only its owner can change a collection.", { collectionId });
  }
}

export async function touchCollection(tx: Executor, collectionId: string) {
  await tx.update(collections).set({ updatedAt: sql`now()` }).where(eq(collections.id, collectionId));
}

export interface CollectionFields {
  name: string;
  description?: string;
  isPublic?: boolean;
}

/** A new, empty collection (private unless asked otherwise). */
export async function createCollection(
  db: Executor,
  caller: Pick<Caller, "id">,
  fields: CollectionFields,
): Promise<CollectionSummary> {
  return db.transaction(async (tx) => {
    // Serializes one account's creations, so the cap holds under concurrent requests.
    await tx.execute(sql`select 1 from ${users} where ${users.id} = ${caller.id} for update`);
    const [existing] = await tx
      .select({ total: count() })
      .from(collections)
      .where(eq(collections.ownerId, caller.id));
    if ((existing?.total ?? 0) >= MAX_COLLECTIONS_PER_ACCOUNT) {
      throw new AppError("conflict", `An account keeps at most ${MAX_COLLECTIONS_PER_ACCOUNT} collections.`, {
        reason: "too_many_collections",
      });
    }
    const [row] = await tx
      .insert(collections)
      .values({
        ownerId: caller.id,
        name: fields.name,
        description: fields.description ?? "",
        isPublic: fields.isPublic ?? false,
      })
      .returning({ id: collections.id });
    if (!row) throw new Error("the collection was not created");
    return requireViewableCollection(tx, row.id, caller);
  });
}

/** Renames, describes and/or sets the visibility of the caller's collection. */
export async function updateCollection(
  db: Executor,
  caller: Pick<Caller, "id">,
  collectionId: string,
  patch: Partial<CollectionFields>,
): Promise<CollectionSummary> {
  return db.transaction(async (tx) => {
    await lockOwnCollection(tx, collectionId, caller);
    await tx
      .update(collections)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(collections.id, collectionId));
    return requireViewableCollection(tx, collectionId, caller);
  });
}

/** Deletes the caller's collection (its items go with it; the wallpapers stay). */
export async function deleteCollection(
  db: Executor,
  caller: Pick<Caller, "id">,
  collectionId: string,
): Promise<{ deleted: true }> {
  return db.transaction(async (tx) => {
    await lockOwnCollection(tx, collectionId, caller);
    await tx.delete(collections).where(eq(collections.id, collectionId));
    return { deleted: true as const };
  });
}

export interface MyCollection extends CollectionSummary {
  /** How many of the wallpapers asked about (`containing`) it holds: the picker's checkmarks. */
  contains: number;
}

/** The caller's collections, most recently changed first, with which of `containing` each holds. */
export async function listMyCollections(
  db: Executor,
  caller: Pick<Caller, "id">,
  containing: readonly string[] = [],
): Promise<MyCollection[]> {
  const ids = [...new Set(containing)];
  const rows = await summaries(db, caller, eq(collections.ownerId, caller.id)).limit(
    MAX_COLLECTIONS_PER_ACCOUNT,
  );
  if (ids.length === 0 || rows.length === 0) return rows.map((row) => ({ ...row, contains: 0 }));
  const held = await db
    .select({ collectionId: collectionItems.collectionId, total: count() })
    .from(collectionItems)
    .where(
      and(
        inArray(
          collectionItems.collectionId,
          rows.map((row) => row.id),
        ),
        inArray(collectionItems.wallpaperId, ids),
      ),
    )
    .groupBy(collectionItems.collectionId);
  const byId = new Map(held.map((row) => [row.collectionId, row.total]));
  return rows.map((row) => ({ ...row, contains: byId.get(row.id) ?? 0 }));
}

/** An account's public collections (its uploader page), most recently changed first. */
export async function listPublicCollections(
  db: Executor,
  ownerId: string,
  caller: Viewer,
): Promise<CollectionSummary[]> {
  return summaries(db, caller, and(eq(collections.ownerId, ownerId), collections.isPublic)).limit(
    MAX_COLLECTIONS_PER_ACCOUNT,
  );
}
