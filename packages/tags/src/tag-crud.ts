import { type Executor, tagAliases, tags } from "@wallpaperdb/db";
import { eq } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import type { TagCategory } from "./categories.ts";
import { tagRuleError } from "./errors.ts";
import { normalizeTagName } from "./normalize.ts";
import { lockNames } from "./sql-helpers.ts";
import type { Actor } from "./types.ts";

export type TagRow = typeof tags.$inferSelect;

export async function getTagById(executor: Executor, tagId: number, lock = false): Promise<TagRow> {
  const query = executor.select().from(tags).where(eq(tags.id, tagId)).limit(1);
  const [tag] = lock ? await query.for("update") : await query;
  if (!tag) throw tagRuleError("not_found", "tag_not_found", "No tag with that id.", { tagId });
  return tag;
}

/** Refuses a name that is already taken by a tag or an alias (names are one namespace). */
export async function assertNameFree(
  executor: Executor,
  name: string,
  exceptAliasOf?: number,
): Promise<void> {
  const [tag] = await executor.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).limit(1);
  if (tag) {
    throw tagRuleError("conflict", "tag_exists", `A tag named "${name}" already exists; merge instead.`, {
      name,
      tagId: tag.id,
    });
  }
  const [alias] = await executor.select().from(tagAliases).where(eq(tagAliases.name, name)).limit(1);
  if (alias && alias.tagId !== exceptAliasOf) {
    throw tagRuleError("conflict", "name_is_alias", `"${name}" is an alias of another tag.`, {
      name,
      tagId: alias.tagId,
    });
  }
}

export interface CreateTagInput {
  name: string;
  category?: TagCategory;
  description?: string | null;
}

export async function createTag(executor: Executor, input: CreateTagInput, actor: Actor): Promise<TagRow> {
  const name = normalizeTagName(input.name);
  return executor.transaction(async (tx) => {
    await lockNames(tx, [name]);
    await assertNameFree(tx, name);
    const [tag] = await tx
      .insert(tags)
      .values({ name, category: input.category ?? "general", description: input.description ?? null })
      .returning();
    if (!tag) throw new Error("insert returned no row");
    await writeAudit(tx, actor, [
      {
        action: "tag.created",
        entityType: "tag",
        entityId: String(tag.id),
        data: { name, category: tag.category, description: tag.description },
        tagIds: [tag.id],
      },
    ]);
    return tag;
  });
}

export interface UpdateTagInput {
  category?: TagCategory;
  description?: string | null;
}

export async function updateTag(
  executor: Executor,
  tagId: number,
  input: UpdateTagInput,
  actor: Actor,
): Promise<TagRow> {
  return executor.transaction(async (tx) => {
    const before = await getTagById(tx, tagId, true);
    const [after] = await tx
      .update(tags)
      .set({
        category: input.category ?? before.category,
        description: input.description === undefined ? before.description : input.description,
        updatedAt: new Date(),
      })
      .where(eq(tags.id, tagId))
      .returning();
    if (!after) throw new Error("update returned no row");
    await writeAudit(tx, actor, [
      {
        action: "tag.updated",
        entityType: "tag",
        entityId: String(tagId),
        data: {
          before: { category: before.category, description: before.description },
          after: { category: after.category, description: after.description },
        },
        tagIds: [tagId],
      },
    ]);
    return after;
  });
}

/** Renames a tag; the old name becomes an alias so links, scripts and habits keep working. */
export async function renameTag(
  executor: Executor,
  tagId: number,
  newRawName: string,
  actor: Actor,
): Promise<TagRow> {
  const newName = normalizeTagName(newRawName);
  return executor.transaction(async (tx) => {
    const before = await getTagById(tx, tagId);
    if (before.name === newName) return before;
    await lockNames(tx, [before.name, newName]);
    // Renaming back to one of its own aliases is allowed: that alias is dropped first.
    await assertNameFree(tx, newName, tagId);
    await tx.delete(tagAliases).where(eq(tagAliases.name, newName));
    const [after] = await tx
      .update(tags)
      .set({ name: newName, updatedAt: new Date() })
      .where(eq(tags.id, tagId))
      .returning();
    if (!after) throw new Error("update returned no row");
    await tx.insert(tagAliases).values({ name: before.name, tagId, createdBy: actor.id });
    await writeAudit(tx, actor, [
      {
        action: "tag.renamed",
        entityType: "tag",
        entityId: String(tagId),
        data: { from: before.name, to: newName },
        tagIds: [tagId],
      },
    ]);
    return after;
  });
}
