import { auditLog, type Executor, users } from "@wallpaperdb/db";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { tagRuleError } from "./errors.ts";
import type { Actor } from "./types.ts";
import { type SetTagsResult, setTags } from "./wallpaper-tags.ts";

export type HistoryTarget = { wallpaperId: string } | { tagId: number };

export interface HistoryEntry {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorName: string | null;
  data: unknown;
  createdAt: Date;
}

/**
 * Tag changes of one wallpaper, or everything that touched one tag: its own edits plus every
 * wallpaper edit that added or removed it (found through the GIN-indexed tag_ids). Newest first.
 */
export async function tagHistory(
  executor: Executor,
  target: HistoryTarget,
  page: { limit?: number; before?: number } = {},
): Promise<HistoryEntry[]> {
  const scope =
    "wallpaperId" in target
      ? and(
          eq(auditLog.entityType, "wallpaper"),
          eq(auditLog.entityId, target.wallpaperId),
          eq(auditLog.action, "wallpaper.tags"),
        )
      : or(
          and(eq(auditLog.entityType, "tag"), eq(auditLog.entityId, String(target.tagId))),
          sql`${auditLog.tagIds} @> array[${target.tagId}::int]`,
        );
  return executor
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      actorId: auditLog.actorId,
      actorName: users.name,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(page.before === undefined ? scope : and(scope, lt(auditLog.id, page.before)))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(page.limit ?? 50, 200));
}

interface NamedChange {
  added?: { name: string }[];
  removed?: { name: string }[];
}

/**
 * Applies the inverse of one wallpaper's human tag change, as a new delta on top of whatever
 * happened since (never a restore of an old list). Names are resolved again, so a tag renamed or
 * merged since then is found through its alias.
 */
export async function revertTagChange(
  executor: Executor,
  auditId: number,
  actor: Actor,
): Promise<SetTagsResult> {
  const [entry] = await executor.select().from(auditLog).where(eq(auditLog.id, auditId)).limit(1);
  if (!entry)
    throw tagRuleError("not_found", "audit_not_found", "No history entry with that id.", { auditId });
  const human = (entry.data as { human?: NamedChange }).human;
  const add = (human?.removed ?? []).map((tag) => tag.name);
  const remove = (human?.added ?? []).map((tag) => tag.name);
  if (entry.action !== "wallpaper.tags" || (add.length === 0 && remove.length === 0)) {
    throw tagRuleError(
      "validation_failed",
      "not_revertible",
      "Only human tag changes on a wallpaper can be reverted.",
      {
        auditId,
      },
    );
  }
  return setTags(executor, entry.entityId, { add, remove }, actor, { revertOf: auditId });
}
