import type { Executor } from "@wallpaperdb/db";
import { enqueueWallpapersChanged } from "@wallpaperdb/events/outbox";
import { sql } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import { tagRuleError } from "./errors.ts";
import { list, rows } from "./sql-helpers.ts";
import type { Actor, TagSource } from "./types.ts";

export interface SourceChange {
  added: number[];
  removed: number[];
}

/** What changed on one wallpaper, per source. */
export interface WallpaperTagDiff {
  wallpaperId: string;
  human: SourceChange;
  auto: SourceChange;
  implied: SourceChange;
}

interface Row extends Record<string, unknown> {
  wallpaper_id: string;
  tag_id: number;
  source: TagSource;
}

/**
 * Distinct tags (any source) one wallpaper may carry. `wallpapers.tag_ids` sits in a btree index whose
 * entries hold ~2.7 kB, so past ~600 tags the wallpaper could not be written at all; well below that a
 * list stops meaning anything. A change that takes a wallpaper above it is refused whole.
 */
export const MAX_TAGS_PER_WALLPAPER = 250;

const key = (row: Row) => `${row.wallpaper_id}|${row.tag_id}|${row.source}`;

/**
 * Locks the wallpapers (sorted, so concurrent bulk edits queue instead of deadlocking), returns the
 * ids that exist. NO KEY UPDATE: it does not block workers inserting rows that reference a wallpaper.
 */
export async function lockWallpapers(executor: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await rows<{ id: string }>(
    executor,
    sql`select id from wallpapers where id in ${list([...new Set(ids)])} order by id for no key update`,
  );
  return found.map((row) => row.id);
}

async function loadRows(executor: Executor, ids: readonly string[]): Promise<Row[]> {
  return rows<Row>(
    executor,
    sql`select wallpaper_id, tag_id, source from wallpaper_tags where wallpaper_id in ${list(ids)}`,
  );
}

/** Brings implied rows in line with the transitive closure of each wallpaper's human and auto tags. */
async function syncImplied(executor: Executor, ids: readonly string[], actor: Actor): Promise<void> {
  const desired = await rows<Row>(
    executor,
    sql`with recursive roots as (
          select wallpaper_id, tag_id from wallpaper_tags
          where wallpaper_id in ${list(ids)} and source <> 'implied'
        ), reach(wallpaper_id, tag_id) as (
          select r.wallpaper_id, i.consequent_id from roots r join tag_implications i on i.antecedent_id = r.tag_id
          union
          select r.wallpaper_id, i.consequent_id from reach r join tag_implications i on i.antecedent_id = r.tag_id
        )
        select distinct r.wallpaper_id, r.tag_id, 'implied' as source from reach r
        where not exists (select 1 from roots o where o.wallpaper_id = r.wallpaper_id and o.tag_id = r.tag_id)`,
  );
  const current = await rows<Row>(
    executor,
    sql`select wallpaper_id, tag_id, source from wallpaper_tags
        where wallpaper_id in ${list(ids)} and source = 'implied'`,
  );
  const want = new Set(desired.map(key));
  const have = new Set(current.map(key));
  const stale = current.filter((row) => !want.has(key(row)));
  const missing = desired.filter((row) => !have.has(key(row)));
  if (stale.length > 0) {
    const pairs = sql.join(
      stale.map((row) => sql`(${row.wallpaper_id}::uuid, ${row.tag_id}::int)`),
      sql`, `,
    );
    await executor.execute(
      sql`delete from wallpaper_tags where source = 'implied' and (wallpaper_id, tag_id) in (${pairs})`,
    );
  }
  if (missing.length > 0) {
    const values = sql.join(
      missing.map(
        (row) => sql`(${row.wallpaper_id}::uuid, ${row.tag_id}::int, 'implied'::tag_source, ${actor.id})`,
      ),
      sql`, `,
    );
    await executor.execute(
      sql`insert into wallpaper_tags (wallpaper_id, tag_id, source, added_by) values ${values} on conflict do nothing`,
    );
  }
}

/**
 * Counts change by the number of wallpapers that gained or lost a tag (any source). Tag rows are
 * locked in id order first so concurrent edits add up instead of overwriting each other's counts.
 */
async function adjustCounts(executor: Executor, deltas: Map<number, number>): Promise<void> {
  const changed = [...deltas].filter(([, delta]) => delta !== 0).sort((a, b) => a[0] - b[0]);
  if (changed.length === 0) return;
  await executor.execute(
    sql`select id from tags where id in ${list(changed.map(([id]) => id))} order by id for no key update`,
  );
  const values = sql.join(
    changed.map(([id, delta]) => sql`(${id}::int, ${delta}::int)`),
    sql`, `,
  );
  await executor.execute(
    sql`update tags set wallpaper_count = wallpaper_count + d.delta, updated_at = now()
        from (values ${values}) as d(id, delta) where tags.id = d.id`,
  );
}

/**
 * For a wallpaper about to be deleted (the caller holds its row lock): each of its tags loses one
 * wallpaper from wallpaper_count, then its tag rows go. The cascade of the delete would remove the rows
 * too, but not fix the counts.
 */
export async function detachWallpaperTags(tx: Executor, wallpaperId: string): Promise<number> {
  const tagIds = await rows<{ tag_id: number }>(
    tx,
    sql`select distinct tag_id from wallpaper_tags where wallpaper_id = ${wallpaperId}`,
  );
  await adjustCounts(tx, new Map(tagIds.map((row) => [row.tag_id, -1])));
  await tx.execute(sql`delete from wallpaper_tags where wallpaper_id = ${wallpaperId}`);
  return tagIds.length;
}

function diffRows(before: Row[], after: Row[], ids: readonly string[]) {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const diffs = new Map<string, WallpaperTagDiff>();
  for (const id of ids) {
    const empty = () => ({ added: [], removed: [] });
    diffs.set(id, { wallpaperId: id, human: empty(), auto: empty(), implied: empty() });
  }
  for (const row of after)
    if (!beforeKeys.has(key(row))) diffs.get(row.wallpaper_id)?.[row.source].added.push(row.tag_id);
  for (const row of before)
    if (!afterKeys.has(key(row))) diffs.get(row.wallpaper_id)?.[row.source].removed.push(row.tag_id);

  const presence = (list: Row[]) => new Set(list.map((row) => `${row.wallpaper_id}|${row.tag_id}`));
  const was = presence(before);
  const is = presence(after);
  const deltas = new Map<number, number>();
  const bump = (pair: string, by: number) => {
    const tagId = Number(pair.split("|")[1]);
    deltas.set(tagId, (deltas.get(tagId) ?? 0) + by);
  };
  for (const pair of is) if (!was.has(pair)) bump(pair, 1);
  for (const pair of was) if (!is.has(pair)) bump(pair, -1);
  return { diffs: [...diffs.values()], deltas };
}

function distinctTagCounts(list: Row[]): Map<string, number> {
  const tagsOf = new Map<string, Set<number>>();
  for (const row of list) {
    const set = tagsOf.get(row.wallpaper_id) ?? new Set<number>();
    set.add(row.tag_id);
    tagsOf.set(row.wallpaper_id, set);
  }
  return new Map([...tagsOf].map(([id, set]) => [id, set.size]));
}

/** Only wallpapers this change grew: one already over the limit (from before it) can still shrink. */
function refuseTooManyTags(before: Row[], after: Row[]): void {
  const was = distinctTagCounts(before);
  const over = [...distinctTagCounts(after)]
    .filter(([id, count]) => count > MAX_TAGS_PER_WALLPAPER && count > (was.get(id) ?? 0))
    .map(([id, count]) => ({ wallpaperId: id, tags: count }));
  if (over.length === 0) return;
  throw tagRuleError(
    "validation_failed",
    "too_many_tags",
    `A wallpaper can have at most ${MAX_TAGS_PER_WALLPAPER} tags (implied ones included); this change would give ${over[0]?.tags}.`,
    { maxTags: MAX_TAGS_PER_WALLPAPER, wallpapers: over.slice(0, 20) },
  );
}

export function hasChanges(diff: WallpaperTagDiff): boolean {
  return [diff.human, diff.auto, diff.implied].some((c) => c.added.length > 0 || c.removed.length > 0);
}

export interface ChangeOptions {
  actor: Actor;
  /** Recorded in each wallpaper's audit entry: setTags, bulkTag, revert, auto, implication, merge. */
  via: string;
  extra?: Record<string, unknown>;
  /**
   * The ids were derived (every wallpaper carrying a tag), not named by the caller: one
   * deleted since is left out instead of failing the whole change with not_found.
   */
  skipMissing?: boolean;
}

/**
 * The one path every wallpaper tag write takes, inside the caller's transaction: lock the
 * wallpapers, run `mutate` on human/auto rows, re-derive implied rows, fix counts from the exact
 * before/after difference, and write one audit entry per wallpaper that changed.
 */
export async function changeWallpaperTags(
  tx: Executor,
  wallpaperIds: readonly string[],
  options: ChangeOptions,
  mutate: (lockedIds: string[]) => Promise<void>,
): Promise<{ diffs: WallpaperTagDiff[]; auditIds: number[] }> {
  const locked = await lockWallpapers(tx, wallpaperIds);
  if (locked.length !== new Set(wallpaperIds).size && !options.skipMissing) {
    const missing = wallpaperIds.filter((id) => !locked.includes(id));
    throw tagRuleError("not_found", "wallpaper_not_found", "No wallpaper with that id.", {
      wallpaperIds: missing,
    });
  }
  if (locked.length === 0) return { diffs: [], auditIds: [] };
  const before = await loadRows(tx, locked);
  await mutate(locked);
  await syncImplied(tx, locked, options.actor);
  const after = await loadRows(tx, locked);
  refuseTooManyTags(before, after);
  const { diffs, deltas } = diffRows(before, after, locked);
  await adjustCounts(tx, deltas);
  const changed = diffs.filter(hasChanges);
  const auditIds = await auditDiffs(tx, changed, options);
  // Same transaction: the search index learns of exactly the tag changes that commit.
  await enqueueWallpapersChanged(
    tx,
    changed.map((diff) => diff.wallpaperId),
    "tags",
  );
  return { diffs: changed, auditIds };
}

async function auditDiffs(
  tx: Executor,
  diffs: WallpaperTagDiff[],
  options: ChangeOptions,
): Promise<number[]> {
  if (diffs.length === 0) return [];
  const ids = [
    ...new Set(diffs.flatMap((d) => [d.human, d.auto, d.implied].flatMap((c) => [...c.added, ...c.removed]))),
  ];
  const names = new Map(
    (
      await rows<{ id: number; name: string }>(tx, sql`select id, name from tags where id in ${list(ids)}`)
    ).map((row) => [row.id, row.name]),
  );
  const named = (tagIds: number[]) => tagIds.map((id) => ({ id, name: names.get(id) ?? String(id) }));
  const describe = (change: SourceChange) => ({ added: named(change.added), removed: named(change.removed) });
  return writeAudit(
    tx,
    options.actor,
    diffs.map((diff) => ({
      action: "wallpaper.tags",
      entityType: "wallpaper" as const,
      entityId: diff.wallpaperId,
      data: {
        via: options.via,
        ...options.extra,
        human: describe(diff.human),
        auto: describe(diff.auto),
        implied: describe(diff.implied),
      },
      tagIds: [diff.human, diff.auto, diff.implied].flatMap((c) => [...c.added, ...c.removed]),
    })),
  );
}
