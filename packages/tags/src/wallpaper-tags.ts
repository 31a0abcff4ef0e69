import { type Executor, tags, wallpaperTags } from "@wallpaperdb/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { TagCategory } from "./categories.ts";
import { tagRuleError } from "./errors.ts";
import { ensureTags, resolveTagNames } from "./resolve.ts";
import { rows } from "./sql-helpers.ts";
import { changeWallpaperTags, lockWallpapers, type WallpaperTagDiff } from "./tag-engine.ts";
import type { Actor, TagSource } from "./types.ts";

export const MAX_BULK_WALLPAPERS = 5_000;

export interface TagDelta {
  add?: readonly string[];
  remove?: readonly string[];
}

export interface WallpaperTag {
  tagId: number;
  name: string;
  category: TagCategory;
  wallpaperCount: number;
  sources: TagSource[];
}

/** A wallpaper's tags, one entry per tag with every source it has (human, auto, implied). */
export async function getWallpaperTags(executor: Executor, wallpaperId: string): Promise<WallpaperTag[]> {
  const found = await executor
    .select({
      tagId: tags.id,
      name: tags.name,
      category: tags.category,
      wallpaperCount: tags.wallpaperCount,
      source: wallpaperTags.source,
    })
    .from(wallpaperTags)
    .innerJoin(tags, eq(tags.id, wallpaperTags.tagId))
    .where(eq(wallpaperTags.wallpaperId, wallpaperId))
    .orderBy(asc(tags.category), asc(tags.name));
  const byTag = new Map<number, WallpaperTag>();
  for (const { source, ...tag } of found) {
    const entry = byTag.get(tag.tagId);
    if (entry) entry.sources.push(source);
    else byTag.set(tag.tagId, { ...tag, sources: [source] });
  }
  return [...byTag.values()];
}

/** The id of the latest tag change on a wallpaper (0 before any): an optional optimistic check. */
export async function wallpaperTagVersion(executor: Executor, wallpaperId: string): Promise<number> {
  const [row] = await rows<{ version: number | null }>(
    executor,
    sql`select max(id)::int as version from audit_log where entity_type = 'wallpaper' and entity_id = ${wallpaperId} and action = 'wallpaper.tags'`,
  );
  return row?.version ?? 0;
}

async function resolveDelta(tx: Executor, delta: TagDelta, actor: Actor) {
  const add = (await ensureTags(tx, delta.add ?? [], actor)).tagIds;
  const remove = (await resolveTagNames(tx, delta.remove ?? [])).tagIds;
  const overlap = add.filter((id) => remove.includes(id));
  if (overlap.length > 0) {
    throw tagRuleError("validation_failed", "add_remove_overlap", "A tag cannot be both added and removed.", {
      tagIds: overlap,
    });
  }
  return { add, remove };
}

/**
 * Applies a delta of human tags, never a whole list, so two curators editing one wallpaper at the
 * same time both keep their changes. Removing a tag that another tag implies leaves it implied.
 */
async function applyHumanDelta(
  tx: Executor,
  wallpaperIds: readonly string[],
  delta: { add: number[]; remove: number[] },
  actor: Actor,
  via: string,
  extra?: Record<string, unknown>,
) {
  return changeWallpaperTags(tx, wallpaperIds, { actor, via, extra }, async (locked) => {
    if (delta.remove.length > 0) {
      await tx
        .delete(wallpaperTags)
        .where(
          and(
            inArray(wallpaperTags.wallpaperId, locked),
            inArray(wallpaperTags.tagId, delta.remove),
            eq(wallpaperTags.source, "human"),
          ),
        );
    }
    if (delta.add.length > 0) {
      const values = locked.flatMap((wallpaperId) =>
        delta.add.map((tagId) => ({ wallpaperId, tagId, source: "human" as const, addedBy: actor.id })),
      );
      await tx.insert(wallpaperTags).values(values).onConflictDoNothing();
    }
  });
}

export interface SetTagsInput extends TagDelta {
  expectedVersion?: number;
}

export interface SetTagsResult {
  version: number;
  changed: WallpaperTagDiff | null;
  auditId: number | null;
  tags: WallpaperTag[];
}

export async function setTags(
  executor: Executor,
  wallpaperId: string,
  input: SetTagsInput,
  actor: Actor,
  extra?: Record<string, unknown>,
): Promise<SetTagsResult> {
  return executor.transaction(async (tx) => {
    const delta = await resolveDelta(tx, input, actor);
    // Lock first so the version compared is the one this delta is applied on top of.
    if ((await lockWallpapers(tx, [wallpaperId])).length === 0) {
      throw tagRuleError("not_found", "wallpaper_not_found", "No wallpaper with that id.", { wallpaperId });
    }
    if (input.expectedVersion !== undefined) {
      const current = await wallpaperTagVersion(tx, wallpaperId);
      if (current !== input.expectedVersion) {
        throw tagRuleError("conflict", "version_mismatch", "The tags changed since you loaded them.", {
          expectedVersion: input.expectedVersion,
          currentVersion: current,
        });
      }
    }
    const via = extra?.revertOf === undefined ? "setTags" : "revert";
    const result = await applyHumanDelta(tx, [wallpaperId], delta, actor, via, extra);
    return {
      version: await wallpaperTagVersion(tx, wallpaperId),
      changed: result.diffs[0] ?? null,
      auditId: result.auditIds[0] ?? null,
      tags: await getWallpaperTags(tx, wallpaperId),
    };
  });
}

export interface BulkTarget {
  wallpaperIds: readonly string[];
}

export async function bulkTag(executor: Executor, target: BulkTarget, delta: TagDelta, actor: Actor) {
  return executor.transaction(async (tx) => {
    const ids = [...new Set(target.wallpaperIds)];
    if (ids.length > MAX_BULK_WALLPAPERS) {
      throw tagRuleError(
        "validation_failed",
        "too_many_wallpapers",
        `Bulk edits cover at most ${MAX_BULK_WALLPAPERS} wallpapers.`,
        { limit: MAX_BULK_WALLPAPERS },
      );
    }
    const resolved = await resolveDelta(tx, delta, actor);
    const bulkId = crypto.randomUUID();
    const { diffs } = await applyHumanDelta(tx, ids, resolved, actor, "bulkTag", { bulkId });
    return { bulkId, matched: ids.length, changed: diffs.length };
  });
}

/**
 * Replaces only the auto-derived rows of a wallpaper (processing facts: resolution class, ratio,
 * orientation, colors, video); human and implied rows are left alone. Idempotent.
 */
export async function setAutoTags(
  executor: Executor,
  wallpaperId: string,
  names: readonly string[],
  actor: Actor,
  category: TagCategory = "meta",
) {
  return executor.transaction(async (tx) => {
    const wanted = (await ensureTags(tx, names, actor, category)).tagIds;
    const { diffs } = await changeWallpaperTags(tx, [wallpaperId], { actor, via: "auto" }, async () => {
      const stale = await tx
        .select({ tagId: wallpaperTags.tagId })
        .from(wallpaperTags)
        .where(and(eq(wallpaperTags.wallpaperId, wallpaperId), eq(wallpaperTags.source, "auto")));
      const drop = stale.map((row) => row.tagId).filter((id) => !wanted.includes(id));
      if (drop.length > 0) {
        await tx
          .delete(wallpaperTags)
          .where(
            and(
              eq(wallpaperTags.wallpaperId, wallpaperId),
              eq(wallpaperTags.source, "auto"),
              inArray(wallpaperTags.tagId, drop),
            ),
          );
      }
      if (wanted.length > 0) {
        await tx
          .insert(wallpaperTags)
          .values(wanted.map((tagId) => ({ wallpaperId, tagId, source: "auto" as const, addedBy: actor.id })))
          .onConflictDoNothing();
      }
    });
    return { changed: diffs[0] ?? null };
  });
}

export { applyHumanDelta };
