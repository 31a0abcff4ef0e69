import { type Caller, canCurate } from "@wallpaperdb/auth";
import { type Database, wallpapers } from "@wallpaperdb/db";
import { type HistoryEntry, type HistoryTarget, tagHistory } from "@wallpaperdb/tags";
import { mayViewWallpaper } from "@wallpaperdb/wallpapers";
import { inArray } from "drizzle-orm";

/*
 * What tag history shows to whom. Curators and admins moderate by it (who changed what, to revert or
 * to talk to them), so they see every entry with its actor. Anyone else sees no account but their own:
 * the actor's id and name are null on other people's entries (a user id is a stable handle across the
 * whole site, and a display name is often a real one), and `tag.history` leaves out changes to
 * wallpapers they may not see (`mayViewWallpaper`), which would otherwise leak that they exist.
 */

function isCurator(user: Caller | null): boolean {
  return user !== null && canCurate(user.role);
}

function redactActor(entry: HistoryEntry, user: Caller | null): HistoryEntry {
  if (isCurator(user) || (user !== null && entry.actorId === user.id)) return entry;
  return { ...entry, actorId: null, actorName: null };
}

async function visibleWallpaperIds(
  db: Database,
  entries: HistoryEntry[],
  user: Caller | null,
): Promise<Set<string>> {
  const ids = [...new Set(entries.filter((e) => e.entityType === "wallpaper").map((e) => e.entityId))];
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({
      id: wallpapers.id,
      moderation: wallpapers.moderation,
      uploaderId: wallpapers.uploaderId,
      purity: wallpapers.purity,
    })
    .from(wallpapers)
    .where(inArray(wallpapers.id, ids));
  return new Set(rows.filter((row) => mayViewWallpaper(row, user)).map((row) => row.id));
}

// Enough for any real tag: past this many hidden entries in a row a page comes back short.
const MAX_ROUNDS = 10;

/** Pages through the history until `limit` entries the viewer may see are found (or it ends). */
async function visibleEntries(
  db: Database,
  target: HistoryTarget,
  page: { limit?: number; before?: number },
  user: Caller | null,
): Promise<HistoryEntry[]> {
  const limit = Math.min(page.limit ?? 50, 200);
  const found: HistoryEntry[] = [];
  let before = page.before;
  for (let round = 0; round < MAX_ROUNDS && found.length < limit; round += 1) {
    const batch = await tagHistory(db, target, { limit, ...(before === undefined ? {} : { before }) });
    const visible = await visibleWallpaperIds(db, batch, user);
    for (const entry of batch)
      if (entry.entityType !== "wallpaper" || visible.has(entry.entityId)) found.push(entry);
    if (batch.length < limit) break;
    before = batch.at(-1)?.id;
  }
  return found.slice(0, limit);
}

/** `tag.history`: every change that touched the tag, as `user` may see it. */
export async function tagHistoryFor(
  db: Database,
  tagId: number,
  page: { limit?: number; before?: number },
  user: Caller | null,
): Promise<HistoryEntry[]> {
  const entries = isCurator(user)
    ? await tagHistory(db, { tagId }, page)
    : await visibleEntries(db, { tagId }, page, user);
  return entries.map((entry) => redactActor(entry, user));
}

/** `wallpaper.tagHistory`, once the caller may see the wallpaper at all. */
export async function wallpaperTagHistoryFor(
  db: Database,
  wallpaperId: string,
  page: { limit?: number; before?: number },
  user: Caller | null,
): Promise<HistoryEntry[]> {
  const entries = await tagHistory(db, { wallpaperId }, page);
  return entries.map((entry) => redactActor(entry, user));
}
