import { type Executor, tagAliases, tags } from "@wallpaperdb/db";
import { asc, eq } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import { tagRuleError } from "./errors.ts";
import { normalizeTagName } from "./normalize.ts";
import { lockNames } from "./sql-helpers.ts";
import type { Actor } from "./types.ts";

export interface AliasRow {
  name: string;
  tagId: number;
  tagName: string;
  createdAt: Date;
}

/**
 * Adds `aliasName → tagName`. Aliases point at tags, never at aliases (no chains), and a name is
 * either a tag or an alias, never both: aliasing an existing tag is a merge, and the error says so.
 */
export async function addAlias(
  executor: Executor,
  aliasRaw: string,
  tagRaw: string,
  actor: Actor,
): Promise<AliasRow> {
  const aliasName = normalizeTagName(aliasRaw);
  const targetName = normalizeTagName(tagRaw);
  return executor.transaction(async (tx) => {
    await lockNames(tx, [aliasName, targetName]);
    const [asTag] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.name, aliasName)).limit(1);
    if (asTag) {
      throw tagRuleError(
        "conflict",
        "alias_is_tag",
        `"${aliasName}" is a tag; merge it instead of aliasing it.`,
        {
          name: aliasName,
          tagId: asTag.id,
        },
      );
    }
    const [existing] = await tx.select().from(tagAliases).where(eq(tagAliases.name, aliasName)).limit(1);
    if (existing) {
      throw tagRuleError("conflict", "alias_exists", `"${aliasName}" is already an alias.`, {
        name: aliasName,
        tagId: existing.tagId,
      });
    }
    const [target] = await tx.select().from(tags).where(eq(tags.name, targetName)).limit(1);
    if (!target) {
      const [targetAlias] = await tx
        .select()
        .from(tagAliases)
        .where(eq(tagAliases.name, targetName))
        .limit(1);
      if (targetAlias) {
        throw tagRuleError(
          "conflict",
          "alias_chain",
          `"${targetName}" is itself an alias; point "${aliasName}" at the tag it resolves to.`,
          { name: aliasName, target: targetName, resolvesToTagId: targetAlias.tagId },
        );
      }
      throw tagRuleError("not_found", "tag_not_found", `No tag named "${targetName}".`, { name: targetName });
    }
    const [row] = await tx
      .insert(tagAliases)
      .values({ name: aliasName, tagId: target.id, createdBy: actor.id })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, actor, [
      {
        action: "tag.alias_added",
        entityType: "tag",
        entityId: String(target.id),
        data: { alias: aliasName },
        tagIds: [target.id],
      },
    ]);
    return { name: row.name, tagId: target.id, tagName: target.name, createdAt: row.createdAt };
  });
}

export async function removeAlias(executor: Executor, aliasRaw: string, actor: Actor): Promise<void> {
  const aliasName = normalizeTagName(aliasRaw);
  await executor.transaction(async (tx) => {
    const [row] = await tx.delete(tagAliases).where(eq(tagAliases.name, aliasName)).returning();
    if (!row)
      throw tagRuleError("not_found", "alias_not_found", `"${aliasName}" is not an alias.`, {
        name: aliasName,
      });
    await writeAudit(tx, actor, [
      {
        action: "tag.alias_removed",
        entityType: "tag",
        entityId: String(row.tagId),
        data: { alias: aliasName },
        tagIds: [row.tagId],
      },
    ]);
  });
}

export async function listAliases(
  executor: Executor,
  filter: { tagId?: number; limit?: number } = {},
): Promise<AliasRow[]> {
  const query = executor
    .select({
      name: tagAliases.name,
      tagId: tagAliases.tagId,
      tagName: tags.name,
      createdAt: tagAliases.createdAt,
    })
    .from(tagAliases)
    .innerJoin(tags, eq(tags.id, tagAliases.tagId))
    .orderBy(asc(tagAliases.name))
    .limit(filter.limit ?? 500);
  return filter.tagId === undefined ? query : query.where(eq(tagAliases.tagId, filter.tagId));
}
