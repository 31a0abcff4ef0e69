import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import { collectionItems, collections, type Executor, users, wallpapers } from "@wallpaperdb/db";
import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { mayViewWallpaper } from "./access.ts";
import { POSITION_GAP, positionBetween } from "./collection-order.ts";
import { wallpaperNotFound } from "./record.ts";

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

type Viewer = Pick<Caller, "id"> | null;

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
const shownWallpaper = and(isNotNull(wallpapers.processedAt), eq(wallpapers.moderation, "approved"));

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
async function lockOwnCollection(tx: Executor, collectionId: string, caller: Pick<Caller, "id">) {
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

async function touch(tx: Executor, collectionId: string) {
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

/**
 * Adds wallpapers at the end of the caller's collection, in the order given. Idempotent: one already
 * there keeps its place. Every wallpaper must be one the caller may see (else not_found, nothing added).
 */
export async function addToCollection(
  db: Executor,
  caller: Pick<Caller, "id" | "role">,
  collectionId: string,
  wallpaperIds: readonly string[],
): Promise<{ added: number }> {
  const ids = [...new Set(wallpaperIds)];
  return db.transaction(async (tx) => {
    await lockOwnCollection(tx, collectionId, caller);
    const rows = await tx
      .select({
        id: wallpapers.id,
        moderation: wallpapers.moderation,
        uploaderId: wallpapers.uploaderId,
      })
      .from(wallpapers)
      .where(inArray(wallpapers.id, ids));
    const viewable = new Set(rows.filter((row) => mayViewWallpaper(row, caller)).map((row) => row.id));
    const missing = ids.find((id) => !viewable.has(id));
    if (missing) throw wallpaperNotFound(missing);
    const [state] = await tx
      .select({ total: count(), last: sql<number | null>`max(${collectionItems.position})::float8` })
      .from(collectionItems)
      .where(eq(collectionItems.collectionId, collectionId));
    const present = new Set(
      (
        await tx
          .select({ id: collectionItems.wallpaperId })
          .from(collectionItems)
          .where(
            and(eq(collectionItems.collectionId, collectionId), inArray(collectionItems.wallpaperId, ids)),
          )
      ).map((row) => row.id),
    );
    const fresh = ids.filter((id) => !present.has(id));
    if ((state?.total ?? 0) + fresh.length > MAX_COLLECTION_ITEMS) {
      throw new AppError("conflict", `A collection holds at most ${MAX_COLLECTION_ITEMS} wallpapers.`, {
        reason: "collection_full",
      });
    }
    if (fresh.length === 0) return { added: 0 };
    let last = state?.last ?? null;
    const values = fresh.map((wallpaperId) => {
      const position = positionBetween(last, null) ?? 0;
      last = position;
      return { collectionId, wallpaperId, position };
    });
    await tx.insert(collectionItems).values(values).onConflictDoNothing();
    await touch(tx, collectionId);
    return { added: fresh.length };
  });
}

/** Takes wallpapers out of the caller's collection; idempotent (absent ones are ignored). */
export async function removeFromCollection(
  db: Executor,
  caller: Pick<Caller, "id">,
  collectionId: string,
  wallpaperIds: readonly string[],
): Promise<{ removed: number }> {
  return db.transaction(async (tx) => {
    await lockOwnCollection(tx, collectionId, caller);
    const removed = await tx
      .delete(collectionItems)
      .where(
        and(
          eq(collectionItems.collectionId, collectionId),
          inArray(collectionItems.wallpaperId, [...new Set(wallpaperIds)]),
        ),
      )
      .returning({ id: collectionItems.wallpaperId });
    if (removed.length > 0) await touch(tx, collectionId);
    return { removed: removed.length };
  });
}

function notInCollection(collectionId: string, wallpaperId: string): AppError {
  return new AppError("not_found", "That wallpaper is not in this collection.", {
    reason: "not_in_collection",
    collectionId,
    wallpaperId,
  });
}

async function positionOf(tx: Executor, collectionId: string, wallpaperId: string): Promise<number | null> {
  const [row] = await tx
    .select({ position: collectionItems.position })
    .from(collectionItems)
    .where(and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.wallpaperId, wallpaperId)));
  return row?.position ?? null;
}

/** The new position for `wallpaperId` right after `afterId` (first when null), or null when no room. */
async function targetPosition(
  tx: Executor,
  collectionId: string,
  wallpaperId: string,
  afterId: string | null,
): Promise<number | null> {
  const before = afterId === null ? null : await positionOf(tx, collectionId, afterId);
  if (afterId !== null && before === null) throw notInCollection(collectionId, afterId);
  const [next] = await tx
    .select({ position: collectionItems.position })
    .from(collectionItems)
    .where(
      and(
        eq(collectionItems.collectionId, collectionId),
        sql`${collectionItems.wallpaperId} <> ${wallpaperId}`,
        before === null ? undefined : sql`${collectionItems.position} > ${before}`,
      ),
    )
    .orderBy(asc(collectionItems.position), asc(collectionItems.wallpaperId))
    .limit(1);
  return positionBetween(before, next?.position ?? null);
}

/**
 * Moves a wallpaper of the caller's collection to right after `afterId` (to the top when null). One
 * row is written, unless the two neighbours left no room: then the collection is renumbered in one
 * statement first (collection-order.ts). Answers whether it renumbered, for the tests that count it.
 */
export async function moveInCollection(
  db: Executor,
  caller: Pick<Caller, "id">,
  collectionId: string,
  wallpaperId: string,
  afterId: string | null,
): Promise<{ renumbered: boolean }> {
  if (afterId === wallpaperId) {
    throw new AppError("bad_request", "A wallpaper cannot move after itself.", {
      reason: "move_after_itself",
    });
  }
  return db.transaction(async (tx) => {
    await lockOwnCollection(tx, collectionId, caller);
    if ((await positionOf(tx, collectionId, wallpaperId)) === null) {
      throw notInCollection(collectionId, wallpaperId);
    }
    let position = await targetPosition(tx, collectionId, wallpaperId, afterId);
    const renumbered = position === null;
    if (position === null) {
      await tx.execute(sql`update ${collectionItems} set position = ranked.rank * ${POSITION_GAP}
        from (select wallpaper_id, row_number() over (order by position, wallpaper_id) as rank
              from ${collectionItems} where collection_id = ${collectionId}) ranked
        where ${collectionItems.collectionId} = ${collectionId}
          and ${collectionItems.wallpaperId} = ranked.wallpaper_id`);
      position = await targetPosition(tx, collectionId, wallpaperId, afterId);
    }
    if (position === null) throw new Error("no room after renumbering");
    await tx
      .update(collectionItems)
      .set({ position })
      .where(
        and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.wallpaperId, wallpaperId)),
      );
    await touch(tx, collectionId);
    return { renumbered };
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

function encodeCursor(position: number, wallpaperId: string): string {
  return Buffer.from(JSON.stringify([position, wallpaperId])).toString("base64url");
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function decodeCursor(cursor: string): { position: number; wallpaperId: string } {
  try {
    const [position, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (Number.isSafeInteger(position) && typeof id === "string" && uuidPattern.test(id)) {
      return { position: position as number, wallpaperId: id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("bad_request", "This list's position is not valid; reload the page.", {
    reason: "invalid_cursor",
  });
}

/**
 * The page statement: walks collection_items_order_idx from the cursor in the collection's order,
 * joining each row to its wallpaper for the gallery's visibility rule. Exported for the EXPLAIN test.
 */
export function collectionPageQuery(
  db: Executor,
  collectionId: string,
  cursor: string | null | undefined,
  limit: number,
) {
  const after = cursor ? decodeCursor(cursor) : null;
  return db
    .select({ wallpaperId: collectionItems.wallpaperId, position: collectionItems.position })
    .from(collectionItems)
    .innerJoin(wallpapers, eq(wallpapers.id, collectionItems.wallpaperId))
    .where(
      and(
        eq(collectionItems.collectionId, collectionId),
        shownWallpaper,
        after
          ? sql`(${collectionItems.position}, ${collectionItems.wallpaperId}) > (${after.position}::bigint, ${after.wallpaperId}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(collectionItems.position), asc(collectionItems.wallpaperId))
    .limit(limit + 1);
}

export interface CollectionPage {
  /** In the collection's order; only wallpapers the gallery shows. */
  wallpaperIds: string[];
  nextCursor: string | null;
}

/** One page of a collection `caller` may see, in its order. */
export async function collectionPage(
  db: Executor,
  caller: Viewer,
  collectionId: string,
  page: { cursor?: string | null; limit: number },
): Promise<CollectionPage> {
  await requireViewableCollection(db, collectionId, caller);
  const rows = await collectionPageQuery(db, collectionId, page.cursor, page.limit);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    wallpaperIds: shown.map((row) => row.wallpaperId),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.position, last.wallpaperId) : null,
  };
}

/**
 * A public collection's newest additions, for its feed: not_found for a private one (a feed has no
 * session). Turn the ids into cards with search's `loadCards`.
 */
export async function publicCollectionNewest(
  db: Executor,
  collectionId: string,
  limit: number,
): Promise<{ collection: CollectionSummary; items: { wallpaperId: string; addedAt: Date }[] }> {
  const collection = await requireViewableCollection(db, collectionId, null);
  const items = await db
    .select({ wallpaperId: collectionItems.wallpaperId, addedAt: collectionItems.addedAt })
    .from(collectionItems)
    .innerJoin(wallpapers, eq(wallpapers.id, collectionItems.wallpaperId))
    .where(and(eq(collectionItems.collectionId, collectionId), shownWallpaper))
    .orderBy(desc(collectionItems.addedAt), desc(collectionItems.wallpaperId))
    .limit(limit);
  return { collection, items };
}

/**
 * One wallpaper of a collection `caller` may see, for the desktop changer's /api/random: chosen by the
 * seed (the same seed, the same wallpaper while the collection stays the same), or at random. Null when
 * the collection shows no wallpaper; a private collection is not_found to all but its owner.
 */
export async function randomCollectionWallpaper(
  db: Executor,
  caller: Viewer,
  collectionId: string,
  seed?: number,
): Promise<string | null> {
  await requireViewableCollection(db, collectionId, caller);
  const [row] = await db
    .select({ wallpaperId: collectionItems.wallpaperId })
    .from(collectionItems)
    .innerJoin(wallpapers, eq(wallpapers.id, collectionItems.wallpaperId))
    .where(and(eq(collectionItems.collectionId, collectionId), shownWallpaper))
    // Bounded by the collection's size (MAX_COLLECTION_ITEMS): a sort of its rows is cheap.
    .orderBy(
      seed === undefined ? sql`random()` : sql`md5(${collectionItems.wallpaperId}::text || ${String(seed)})`,
    )
    .limit(1);
  return row?.wallpaperId ?? null;
}
