import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import { type Executor, favorites, wallpapers } from "@wallpaperdb/db";
import { scopeOnlyCondition, type ViewerScope } from "@wallpaperdb/search";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { requireViewableWallpaper } from "./record.ts";
import { loadViewerScope } from "./viewer-scope.ts";

/** What a heart shows: whether this account keeps the wallpaper, and how many accounts do. */
export interface FavoriteState {
  favorited: boolean;
  favoriteCount: number;
}

/**
 * The heart of one wallpaper for `caller` (anonymous callers never have favorited it). The count is the
 * counter the favorites triggers keep (migration 0019), equal to the table's count(*) without reading
 * every row of a much-loved wallpaper.
 */
export async function favoriteState(
  db: Executor,
  wallpaperId: string,
  caller: Pick<Caller, "id"> | null,
): Promise<FavoriteState> {
  const [row] = await db.execute<{ favoriteCount: number; favorited: boolean }>(sql`select
      coalesce((select p.favorites from wallpaper_popularity p where p.wallpaper_id = ${wallpaperId}::uuid), 0)::int
        as "favoriteCount",
      ${
        caller
          ? sql`exists (select 1 from favorites where user_id = ${caller.id} and wallpaper_id = ${wallpaperId}::uuid)`
          : sql`false`
      } as favorited`);
  return { favorited: row?.favorited ?? false, favoriteCount: row?.favoriteCount ?? 0 };
}

/** Which of these wallpapers `caller` keeps: one probe of the primary key for a page of tiles. */
export async function favoritedAmong(
  db: Executor,
  caller: Pick<Caller, "id"> | null,
  wallpaperIds: readonly string[],
): Promise<string[]> {
  if (!caller || wallpaperIds.length === 0) return [];
  const rows = await db
    .select({ wallpaperId: favorites.wallpaperId })
    .from(favorites)
    .where(and(eq(favorites.userId, caller.id), inArray(favorites.wallpaperId, [...new Set(wallpaperIds)])));
  return rows.map((row) => row.wallpaperId);
}

/**
 * Keeps (or lets go of) a wallpaper for `caller`. Idempotent both ways, so a double tap or a retried
 * request cannot count twice. Only a wallpaper the caller may see can be kept: a hidden one is
 * not_found, as everywhere.
 */
export async function setFavorite(
  db: Executor,
  caller: Pick<Caller, "id" | "role">,
  wallpaperId: string,
  favorite: boolean,
): Promise<FavoriteState> {
  await requireViewableWallpaper(db, wallpaperId, caller);
  if (favorite) {
    await db.insert(favorites).values({ userId: caller.id, wallpaperId }).onConflictDoNothing();
  } else {
    await db
      .delete(favorites)
      .where(and(eq(favorites.userId, caller.id), eq(favorites.wallpaperId, wallpaperId)));
  }
  return favoriteState(db, wallpaperId, caller);
}

/**
 * Where the next page of favorites starts: the last row's time (as PostgreSQL's text, keeping the
 * microseconds a JS Date would drop and so skip rows) and id, opaque to callers.
 */
function encodeCursor(createdAt: string, wallpaperId: string): string {
  return Buffer.from(JSON.stringify([createdAt, wallpaperId])).toString("base64url");
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function decodeCursor(cursor: string): { createdAt: string; wallpaperId: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (
      typeof at === "string" &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === "string" &&
      uuidPattern.test(id)
    ) {
      return { createdAt: at, wallpaperId: id };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("bad_request", "This list's position is not valid; reload the page.", {
    reason: "invalid_cursor",
  });
}

export interface FavoritePage {
  /** Newest kept first; only wallpapers the gallery shows (processed and approved). */
  wallpaperIds: string[];
  nextCursor: string | null;
}

/**
 * The page statement: walks favorites_user_newest_idx from the cursor (a row comparison on the
 * index's own columns), joining each kept row to its wallpaper for the gallery's visibility rule.
 * Exported for the EXPLAIN test.
 */
export function favoritesPageQuery(
  db: Executor,
  userId: string,
  cursor: string | null | undefined,
  limit: number,
  scope: ViewerScope | null = null,
) {
  const after = cursor ? decodeCursor(cursor) : null;
  return (
    db
      .select({ wallpaperId: favorites.wallpaperId, createdAt: sql<string>`${favorites.createdAt}::text` })
      .from(favorites)
      .innerJoin(wallpapers, eq(wallpapers.id, favorites.wallpaperId))
      .where(
        and(
          eq(favorites.userId, userId),
          isNotNull(wallpapers.processedAt),
          eq(wallpapers.moderation, "approved"),
          (scope && scopeOnlyCondition(scope, "wallpapers")) ?? undefined,
          after
            ? sql`(${favorites.createdAt}, ${favorites.wallpaperId}) < (${after.createdAt}::timestamptz, ${after.wallpaperId}::uuid)`
            : undefined,
        ),
      )
      // NULLS LAST like the index (drizzle's `.desc()`); a plain DESC means NULLS FIRST and would sort.
      .orderBy(sql`${favorites.createdAt} desc nulls last`, sql`${favorites.wallpaperId} desc nulls last`)
      .limit(limit + 1)
  );
}

/**
 * One page of the wallpapers `userId` keeps, newest first. A kept wallpaper that was later rejected or
 * is being reprocessed drops out of the list (the row stays, so it comes back when the wallpaper does),
 * and so does one the account's settings hide (a purity not opted in to, a blacklisted tag), as in
 * every other list.
 */
export async function listFavorites(
  db: Executor,
  userId: string,
  page: { cursor?: string | null; limit: number },
): Promise<FavoritePage> {
  const scope = await loadViewerScope(db, { id: userId });
  const rows = await favoritesPageQuery(db, userId, page.cursor, page.limit, scope);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    wallpaperIds: shown.map((row) => row.wallpaperId),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last.createdAt, last.wallpaperId) : null,
  };
}
