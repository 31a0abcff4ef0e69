import { type Executor, tagAliases, tags } from "@wallpaperdb/db";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { listAliases } from "./aliases.ts";
import type { TagCategory } from "./categories.ts";
import { listImplications } from "./implications.ts";
import { normalizePrefix } from "./normalize.ts";

export interface ListTagsInput {
  category?: TagCategory;
  /** Substring of the name, in canonical form. */
  query?: string;
  sort?: "count" | "name" | "newest";
  limit?: number;
  offset?: number;
}

export async function listTags(executor: Executor, input: ListTagsInput = {}) {
  const filters: SQL[] = [];
  if (input.category) filters.push(eq(tags.category, input.category));
  const query = input.query === undefined ? "" : normalizePrefix(input.query);
  if (query.length > 0) filters.push(sql`strpos(${tags.name}, ${query}) > 0`);
  const where = filters.length > 0 ? and(...filters) : undefined;
  const limit = Math.min(input.limit ?? 50, 200);
  const offset = input.offset ?? 0;
  const order =
    input.sort === "name"
      ? [asc(tags.name)]
      : input.sort === "newest"
        ? [desc(tags.createdAt), desc(tags.id)]
        : [desc(tags.wallpaperCount), asc(tags.name)];
  const items = await executor
    .select({
      id: tags.id,
      name: tags.name,
      category: tags.category,
      description: tags.description,
      wallpaperCount: tags.wallpaperCount,
      createdAt: tags.createdAt,
    })
    .from(tags)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [total] = await executor.select({ value: count() }).from(tags).where(where);
  return { items, total: total?.value ?? 0, limit, offset };
}

/** A tag with its aliases and implications; an alias name finds the tag it resolves to. */
export async function getTagByName(executor: Executor, rawName: string) {
  const name = normalizePrefix(rawName).replace(/_+$/u, "");
  let [tag] = await executor.select().from(tags).where(eq(tags.name, name)).limit(1);
  let resolvedFromAlias: string | null = null;
  if (!tag) {
    const [alias] = await executor.select().from(tagAliases).where(eq(tagAliases.name, name)).limit(1);
    if (alias) {
      [tag] = await executor.select().from(tags).where(eq(tags.id, alias.tagId)).limit(1);
      resolvedFromAlias = alias.name;
    }
  }
  if (!tag) return null;
  const [aliases, implications] = await Promise.all([
    listAliases(executor, { tagId: tag.id }),
    listImplications(executor, { tagId: tag.id }),
  ]);
  return {
    ...tag,
    resolvedFromAlias,
    aliases: aliases.map((a) => a.name),
    implies: implications
      .filter((i) => i.antecedentId === tag.id)
      .map((i) => ({ id: i.consequentId, name: i.consequentName })),
    impliedBy: implications
      .filter((i) => i.consequentId === tag.id)
      .map((i) => ({ id: i.antecedentId, name: i.antecedentName })),
  };
}
