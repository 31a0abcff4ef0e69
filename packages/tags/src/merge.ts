import { type Executor, tagAliases, tags } from "@wallpaperdb/db";
import { eq, sql } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import { tagRuleError } from "./errors.ts";
import { findPath } from "./graph.ts";
import { loadNeighborhood } from "./implications.ts";
import { lockImplicationGraph, lockNames, rows } from "./sql-helpers.ts";
import { getTagById } from "./tag-crud.ts";
import { changeWallpaperTags } from "./tag-engine.ts";
import type { Actor } from "./types.ts";

export interface MergePreview {
  source: { id: number; name: string; wallpaperCount: number };
  target: { id: number; name: string; wallpaperCount: number };
  wallpapersMoving: number;
  wallpapersAlreadyOnTarget: number;
  aliasesMoving: string[];
  implicationsMoving: { antecedentId: number; consequentId: number }[];
  /** Links that would point from the target to itself and are dropped instead of moved. */
  implicationsDropped: { antecedentId: number; consequentId: number }[];
  createsCycle: boolean;
}

export async function previewMerge(
  executor: Executor,
  sourceId: number,
  targetId: number,
): Promise<MergePreview> {
  if (sourceId === targetId)
    throw tagRuleError("validation_failed", "merge_self", "A tag cannot be merged into itself.");
  const source = await getTagById(executor, sourceId);
  const target = await getTagById(executor, targetId);
  const [counts] = await rows<{ moving: number; both: number }>(
    executor,
    sql`select count(distinct s.wallpaper_id)::int as moving,
               count(distinct s.wallpaper_id) filter (where exists (
                 select 1 from wallpaper_tags t where t.wallpaper_id = s.wallpaper_id and t.tag_id = ${targetId}))::int as both
        from wallpaper_tags s where s.tag_id = ${sourceId}`,
  );
  const aliases = await executor
    .select({ name: tagAliases.name })
    .from(tagAliases)
    .where(eq(tagAliases.tagId, sourceId));
  const edges = await loadNeighborhood(executor, [sourceId, targetId]);
  const touching = edges
    .filter(([a, b]) => a === sourceId || b === sourceId)
    .map(([antecedentId, consequentId]) => ({ antecedentId, consequentId }));
  const isDropped = (e: { antecedentId: number; consequentId: number }) =>
    e.antecedentId === targetId || e.consequentId === targetId;
  // After the merge every source endpoint is the target: a cycle exists if the target reaches itself.
  const merged = edges
    .map(([a, b]) => [a === sourceId ? targetId : a, b === sourceId ? targetId : b] as const)
    .filter(([a, b]) => a !== b);
  const createsCycle = merged.some(([a, b]) => a === targetId && findPath(merged, b, targetId) !== null);
  return {
    source: { id: source.id, name: source.name, wallpaperCount: source.wallpaperCount },
    target: { id: target.id, name: target.name, wallpaperCount: target.wallpaperCount },
    wallpapersMoving: counts?.moving ?? 0,
    wallpapersAlreadyOnTarget: counts?.both ?? 0,
    aliasesMoving: [source.name, ...aliases.map((a) => a.name)],
    implicationsMoving: touching.filter((e) => !isDropped(e)),
    implicationsDropped: touching.filter(isDropped),
    createsCycle,
  };
}

/**
 * Merges `source` into `target`: every wallpaper row (keeping its source), alias and implication
 * moves to the target, the source's name becomes an alias, the source tag is deleted, and counts
 * follow from the exact per-wallpaper difference. Refused when moved implications would form a cycle.
 */
export async function mergeTags(executor: Executor, sourceId: number, targetId: number, actor: Actor) {
  return executor.transaction(async (tx) => {
    await lockImplicationGraph(tx);
    const preview = await previewMerge(tx, sourceId, targetId);
    if (preview.createsCycle) {
      throw tagRuleError("conflict", "implication_cycle", "Merging would create an implication cycle.", {
        source: preview.source.name,
        target: preview.target.name,
      });
    }
    await lockNames(tx, [preview.source.name, preview.target.name]);
    await getTagById(tx, Math.min(sourceId, targetId), true);
    await getTagById(tx, Math.max(sourceId, targetId), true);
    await tx.execute(sql`insert into tag_implications (antecedent_id, consequent_id, created_by, created_at)
      select case when antecedent_id = ${sourceId} then ${targetId}::int else antecedent_id end,
             case when consequent_id = ${sourceId} then ${targetId}::int else consequent_id end, created_by, created_at
      from tag_implications where (antecedent_id = ${sourceId} or consequent_id = ${sourceId})
        and antecedent_id <> ${targetId} and consequent_id <> ${targetId}
      on conflict do nothing`);
    await tx.execute(
      sql`delete from tag_implications where antecedent_id = ${sourceId} or consequent_id = ${sourceId}`,
    );
    const wallpaperIds =
      // The target's own wallpapers too: implications moved onto the target now apply to them.
      (
        await rows<{ wallpaper_id: string }>(
          tx,
          sql`select distinct wallpaper_id from wallpaper_tags where tag_id in (${sourceId}::int, ${targetId}::int)`,
        )
      ).map((row) => row.wallpaper_id);
    await changeWallpaperTags(
      tx,
      wallpaperIds,
      { actor, via: "merge", extra: { mergedFrom: preview.source.name }, skipMissing: true },
      async () => {
        await tx.execute(sql`insert into wallpaper_tags (wallpaper_id, tag_id, source, added_by, created_at)
        select wallpaper_id, ${targetId}::int, source, added_by, created_at from wallpaper_tags where tag_id = ${sourceId}
        on conflict do nothing`);
        await tx.execute(sql`delete from wallpaper_tags where tag_id = ${sourceId}`);
      },
    );
    await tx.update(tagAliases).set({ tagId: targetId }).where(eq(tagAliases.tagId, sourceId));
    await tx.delete(tags).where(eq(tags.id, sourceId));
    await tx.insert(tagAliases).values({ name: preview.source.name, tagId: targetId, createdBy: actor.id });
    await writeAudit(tx, actor, [
      {
        action: "tag.merged",
        entityType: "tag",
        entityId: String(targetId),
        data: {
          from: preview.source,
          into: preview.target.name,
          ...preview,
          source: undefined,
          target: undefined,
        },
        tagIds: [sourceId, targetId],
      },
    ]);
    return preview;
  });
}
