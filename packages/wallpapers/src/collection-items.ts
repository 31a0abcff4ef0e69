import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import { collectionItems, type Executor, wallpapers } from "@wallpaperdb/db";
import { scopeOnlyCondition, type ViewerScope, visitorScope } from "@wallpaperdb/search";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { mayViewWallpaper } from "./access.ts";
import { POSITION_GAP, positionBetween } from "./collection-order.ts";
import {
  type CollectionSummary,
  lockOwnCollection,
  MAX_COLLECTION_ITEMS,
  requireViewableCollection,
  shownWallpaper,
  touchCollection,
  type Viewer,
} from "./collections.ts";
import { wallpaperNotFound } from "./record.ts";
import { loadViewerScope } from "./viewer-scope.ts";

// The wallpapers in a collection: adding, removing and moving them (the owner's), and reading them in
// order, newest first (the feed) or one at random (/api/random). Who may see and change a collection is
// decided in collections.ts.

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
        purity: wallpapers.purity,
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
    await touchCollection(tx, collectionId);
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
    if (removed.length > 0) await touchCollection(tx, collectionId);
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
    await touchCollection(tx, collectionId);
    return { renumbered };
  });
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
  scope: ViewerScope = visitorScope,
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
        scopeOnlyCondition(scope, "wallpapers") ?? undefined,
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
  const scope = await loadViewerScope(db, caller);
  const rows = await collectionPageQuery(db, collectionId, page.cursor, page.limit, scope);
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
    .where(
      and(
        eq(collectionItems.collectionId, collectionId),
        shownWallpaper,
        // A feed is read without a session: the visitor's scope.
        scopeOnlyCondition(visitorScope, "wallpapers") ?? undefined,
      ),
    )
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
  const scope = await loadViewerScope(db, caller);
  const [row] = await db
    .select({ wallpaperId: collectionItems.wallpaperId })
    .from(collectionItems)
    .innerJoin(wallpapers, eq(wallpapers.id, collectionItems.wallpaperId))
    .where(
      and(
        eq(collectionItems.collectionId, collectionId),
        shownWallpaper,
        scopeOnlyCondition(scope, "wallpapers") ?? undefined,
      ),
    )
    // Bounded by the collection's size (MAX_COLLECTION_ITEMS): a sort of its rows is cheap.
    .orderBy(
      seed === undefined ? sql`random()` : sql`md5(${collectionItems.wallpaperId}::text || ${String(seed)})`,
    )
    .limit(1);
  return row?.wallpaperId ?? null;
}
