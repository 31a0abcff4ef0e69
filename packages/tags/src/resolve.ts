import { type Executor, tags } from "@wallpaperdb/db";
import { sql } from "drizzle-orm";
import { writeAudit } from "./audit.ts";
import type { TagCategory } from "./categories.ts";
import { normalizeTagName } from "./normalize.ts";
import { list, lockNames, rows } from "./sql-helpers.ts";
import type { Actor } from "./types.ts";

export interface ResolvedNames {
  /** normalized input name → canonical tag id (through an alias when the name is one). */
  byName: Map<string, number>;
  tagIds: number[];
  /** normalized names that are neither a tag nor an alias. */
  unknown: string[];
}

/** Resolves names the way search, autocomplete and tagging all do: a tag name, or an alias of one. */
export async function resolveTagNames(
  executor: Executor,
  rawNames: readonly string[],
): Promise<ResolvedNames> {
  const names = [...new Set(rawNames.map(normalizeTagName))];
  const byName = new Map<string, number>();
  if (names.length > 0) {
    // One round trip for both: every gallery search with tags resolves them first.
    const found = await rows<{ name: string; tag_id: number; via_alias: boolean }>(
      executor,
      sql`select name, id as tag_id, false as via_alias from tags where name in ${list(names)}
        union all
        select name, tag_id, true from tag_aliases where name in ${list(names)}`,
    );
    for (const row of found) if (!row.via_alias) byName.set(row.name, row.tag_id);
    for (const row of found) if (row.via_alias && !byName.has(row.name)) byName.set(row.name, row.tag_id);
  }
  return {
    byName,
    tagIds: [...new Set(byName.values())],
    unknown: names.filter((name) => !byName.has(name)),
  };
}

/**
 * Resolves names and creates the missing ones (as Danbooru does when a post is tagged with a new
 * name). Name locks make two concurrent creators of one name agree on a single tag.
 */
export async function ensureTags(
  tx: Executor,
  rawNames: readonly string[],
  actor: Actor,
  category: TagCategory = "general",
): Promise<ResolvedNames> {
  const first = await resolveTagNames(tx, rawNames);
  if (first.unknown.length === 0) return first;
  await lockNames(tx, first.unknown);
  // Re-read under the locks: another transaction may have created a tag or alias meanwhile.
  const second = await resolveTagNames(tx, rawNames);
  if (second.unknown.length === 0) return second;
  const created = await tx
    .insert(tags)
    .values(second.unknown.map((name) => ({ name, category })))
    .onConflictDoNothing()
    .returning({ id: tags.id, name: tags.name });
  await writeAudit(
    tx,
    actor,
    created.map((tag) => ({
      action: "tag.created",
      entityType: "tag" as const,
      entityId: String(tag.id),
      data: { name: tag.name, category, via: "tagging" },
      tagIds: [tag.id],
    })),
  );
  return resolveTagNames(tx, rawNames);
}
