import type { Caller } from "@wallpaperdb/auth/roles";
import { AppError } from "@wallpaperdb/core/errors";
import {
  auditLog,
  type Executor,
  tags,
  wallpaperNearDuplicates,
  wallpapers,
  wallpaperTags,
} from "@wallpaperdb/db";
import { setTags } from "@wallpaperdb/tags";
import { and, eq, inArray, not, sql } from "drizzle-orm";
import { duplicateReason, groupVersion } from "./duplicate-review-rules.ts";
import { moderateWallpapers } from "./moderation.ts";

// Decisions on a near-duplicate group (issue 16): keep one and fold the others into it, or say the
// group holds no duplicates. Each decision is one transaction, idempotent, and refused with
// `duplicate_group_changed` when the group is no longer what the curator was shown.

export interface GroupDecision {
  /** Every member the curator was shown, and the version they came with (`duplicateGroups`). */
  memberIds: readonly string[];
  version: string;
}

export interface KeepDecision extends GroupDecision {
  keepId: string;
  /** The members folded into `keepId` and rejected. Members in neither are simply not duplicates. */
  rejectIds: readonly string[];
}

export interface KeepResult {
  keptId: string;
  /** Rejected now; empty when a retry found the work done. */
  rejected: string[];
  alreadyDone: boolean;
  moved: { tags: number; favorites: number; collectionEntries: number };
}

function groupChanged(memberIds: readonly string[], why: string): AppError {
  return new AppError("conflict", "These wallpapers changed since the group was shown; load it again.", {
    reason: "duplicate_group_changed",
    why,
    wallpaperIds: [...memberIds],
  });
}

/** Locks the members (sorted, so two decisions on overlapping groups queue) and checks the version. */
async function lockGroup(tx: Executor, decision: GroupDecision) {
  const ids = [...new Set(decision.memberIds)].sort();
  const rows = await tx
    .select({
      id: wallpapers.id,
      updatedAt: wallpapers.updatedAt,
      moderation: wallpapers.moderation,
      moderationReason: wallpapers.moderationReason,
    })
    .from(wallpapers)
    .where(inArray(wallpapers.id, ids))
    .orderBy(wallpapers.id)
    .for("update");
  return { ids, rows, current: rows.length === ids.length && groupVersion(rows) === decision.version };
}

/** Settles every open flag between two members of the group. */
async function resolveFlagsAmong(tx: Executor, ids: readonly string[]): Promise<number> {
  const resolved = await tx
    .update(wallpaperNearDuplicates)
    .set({ resolved: true })
    .where(
      and(
        inArray(wallpaperNearDuplicates.wallpaperId, [...ids]),
        inArray(wallpaperNearDuplicates.duplicateOf, [...ids]),
        not(wallpaperNearDuplicates.resolved),
      ),
    )
    .returning({ wallpaperId: wallpaperNearDuplicates.wallpaperId });
  return resolved.length;
}

/**
 * Human tags only: auto tags are recomputed by the pipeline from the kept file itself, implied ones
 * follow from the human ones. Added through the tag engine (counts, implications, history, search);
 * the rejected copies keep theirs, so approving one again loses nothing.
 */
async function copyHumanTags(
  tx: Executor,
  keepId: string,
  fromIds: readonly string[],
  actor: Pick<Caller, "id">,
) {
  const found = await tx
    .selectDistinct({ name: tags.name })
    .from(wallpaperTags)
    .innerJoin(tags, eq(tags.id, wallpaperTags.tagId))
    .where(and(inArray(wallpaperTags.wallpaperId, [...fromIds]), eq(wallpaperTags.source, "human")));
  if (found.length === 0) return 0;
  const result = await setTags(tx, keepId, { add: found.map((row) => row.name) }, actor, {
    duplicatesOf: [...fromIds],
  });
  return result.changed?.human.added.length ?? 0;
}

/**
 * Each account's heart moves to the kept wallpaper with its original time (so "my favorites" keeps
 * its order); an account that kept both ends with one. The favorites triggers fix the counters.
 */
async function moveFavorites(tx: Executor, keepId: string, fromIds: readonly string[]) {
  const moved = await tx.execute<{ user_id: string }>(sql`
    insert into favorites (user_id, wallpaper_id, created_at)
    select user_id, ${keepId}::uuid, min(created_at) from favorites
    where wallpaper_id in ${sql`(${sql.join(
      fromIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`}
    group by user_id
    on conflict do nothing
    returning user_id`);
  await tx.execute(
    sql`delete from favorites where wallpaper_id in ${sql`(${sql.join(
      fromIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`}`,
  );
  return moved.length;
}

/**
 * In each collection holding a copy but not the kept wallpaper, the copy's entry at the lowest position
 * becomes the kept wallpaper's (same place in the list); every other entry of the copies goes, so no
 * collection lists the kept wallpaper twice. One already holding the kept wallpaper keeps its place.
 */
async function moveCollectionEntries(tx: Executor, keepId: string, fromIds: readonly string[]) {
  const from = sql`(${sql.join(
    fromIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const moved = await tx.execute<{ collection_id: string }>(sql`
    with first as (
      select distinct on (ci.collection_id) ci.collection_id, ci.wallpaper_id
      from collection_items ci
      where ci.wallpaper_id in ${from}
        and not exists (
          select 1 from collection_items k where k.collection_id = ci.collection_id and k.wallpaper_id = ${keepId}::uuid
        )
      order by ci.collection_id, ci.position, ci.wallpaper_id
    )
    update collection_items ci set wallpaper_id = ${keepId}::uuid
    from first
    where ci.collection_id = first.collection_id and ci.wallpaper_id = first.wallpaper_id
    returning ci.collection_id`);
  await tx.execute(sql`delete from collection_items where wallpaper_id in ${from}`);
  return moved.length;
}

function validateKeep(decision: KeepDecision): void {
  const members = new Set(decision.memberIds);
  const problem = !members.has(decision.keepId)
    ? "keep_not_in_group"
    : decision.rejectIds.length === 0
      ? "nothing_to_reject"
      : decision.rejectIds.some((id) => id === decision.keepId || !members.has(id))
        ? "reject_not_in_group"
        : null;
  if (problem) {
    throw new AppError("bad_request", "Keep one member of the group and reject others of it.", {
      reason: problem,
    });
  }
}

/**
 * Keeps one wallpaper of a group: the rejected members' human tags, favorites and collection entries
 * move to it, they are rejected through the moderation path ("Duplicate of <id>": search and the
 * gallery drop them with the same transaction's outbox event), and the group's flags are settled.
 * A retry after success changes nothing and answers `alreadyDone`.
 */
export async function keepDuplicate(
  db: Executor,
  decision: KeepDecision,
  actor: Pick<Caller, "id">,
): Promise<KeepResult> {
  validateKeep(decision);
  const rejectIds = [...new Set(decision.rejectIds)].sort();
  return db.transaction(async (tx) => {
    const { ids, rows, current } = await lockGroup(tx, decision);
    const reason = duplicateReason(decision.keepId);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const done =
      byId.get(decision.keepId)?.moderation !== "rejected" &&
      rejectIds.every(
        (id) => byId.get(id)?.moderation === "rejected" && byId.get(id)?.moderationReason === reason,
      );
    const none = { tags: 0, favorites: 0, collectionEntries: 0 };
    if (done) {
      await resolveFlagsAmong(tx, ids);
      return { keptId: decision.keepId, rejected: [], alreadyDone: true, moved: none };
    }
    if (!current) throw groupChanged(ids, rows.length === ids.length ? "version" : "deleted");
    const moved = {
      tags: await copyHumanTags(tx, decision.keepId, rejectIds, actor),
      favorites: await moveFavorites(tx, decision.keepId, rejectIds),
      collectionEntries: await moveCollectionEntries(tx, decision.keepId, rejectIds),
    };
    const { changed } = await moderateWallpapers(
      tx,
      { wallpaperIds: rejectIds, decision: "rejected", reason },
      actor,
    );
    const flags = await resolveFlagsAmong(tx, ids);
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: "wallpaper.keep_duplicates",
      entityType: "wallpaper",
      entityId: decision.keepId,
      data: { rejected: rejectIds, members: ids, moved, flags },
    });
    return { keptId: decision.keepId, rejected: changed, alreadyDone: false, moved };
  });
}

/** "Not duplicates": settles the group's flags and changes no wallpaper. Idempotent. */
export async function dismissDuplicateGroup(
  db: Executor,
  decision: GroupDecision,
  actor: Pick<Caller, "id">,
): Promise<{ resolved: number }> {
  return db.transaction(async (tx) => {
    const { ids, rows, current } = await lockGroup(tx, decision);
    const [open] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(wallpaperNearDuplicates)
      .where(
        and(
          inArray(wallpaperNearDuplicates.wallpaperId, ids),
          inArray(wallpaperNearDuplicates.duplicateOf, ids),
          not(wallpaperNearDuplicates.resolved),
        ),
      );
    if ((open?.count ?? 0) === 0) return { resolved: 0 };
    if (!current) throw groupChanged(ids, rows.length === ids.length ? "version" : "deleted");
    const resolved = await resolveFlagsAmong(tx, ids);
    await tx.insert(auditLog).values(
      ids.map((id) => ({
        actorId: actor.id,
        action: "wallpaper.not_duplicates",
        entityType: "wallpaper",
        entityId: id,
        data: { members: ids },
      })),
    );
    return { resolved };
  });
}

export type BulkKeepOutcome =
  | ({ status: "kept" } & KeepResult)
  | { status: "conflict"; keepId: string; memberIds: string[] }
  | {
      status: "refused";
      keepId: string;
      memberIds: string[];
      code: string;
      reason: string | null;
      message: string;
    };

/**
 * Applies several keep decisions (a page of the review), each in its own transaction: a group that
 * changed under the curator is reported as a conflict, one the rules refuse as refused (with the
 * stable code), and the others still go through.
 */
export async function keepDuplicatesInBulk(
  db: Executor,
  decisions: readonly KeepDecision[],
  actor: Pick<Caller, "id">,
): Promise<{ results: BulkKeepOutcome[] }> {
  const results: BulkKeepOutcome[] = [];
  for (const decision of decisions) {
    try {
      results.push({ status: "kept", ...(await keepDuplicate(db, decision, actor)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const group = { keepId: decision.keepId, memberIds: [...decision.memberIds] };
      const reason = typeof error.details?.reason === "string" ? error.details.reason : null;
      // A group the rules refuse (too many tags on the kept one, say) must not stop the rest of the page.
      results.push(
        reason === "duplicate_group_changed"
          ? { status: "conflict", ...group }
          : { status: "refused", ...group, code: error.code, reason, message: error.message },
      );
    }
  }
  return { results };
}
