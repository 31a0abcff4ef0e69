import { type Executor, tagImplications, tags } from "@wallpaperdb/db";
import { and, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { writeAudit } from "./audit.ts";
import { tagRuleError } from "./errors.ts";
import { checkNewImplication, type Edge } from "./graph.ts";
import { normalizeTagName } from "./normalize.ts";
import { resolveTagNames } from "./resolve.ts";
import { list, lockImplicationGraph, rows } from "./sql-helpers.ts";
import { changeWallpaperTags } from "./tag-engine.ts";
import type { Actor } from "./types.ts";

/** Edges among every ancestor and descendant of the given tags: all a new link's rules can touch. */
export async function loadNeighborhood(executor: Executor, tagIds: number[]): Promise<Edge[]> {
  const seeds = sql.join(
    tagIds.map((id) => sql`(${id}::int)`),
    sql`, `,
  );
  const edges = await rows<{ a: number; b: number }>(
    executor,
    sql`with recursive seeds(id) as (values ${seeds}),
        down(id) as (select id from seeds union select i.consequent_id from down d join tag_implications i on i.antecedent_id = d.id),
        up(id) as (select id from seeds union select i.antecedent_id from up u join tag_implications i on i.consequent_id = u.id),
        nodes as (select id from down union select id from up)
        select antecedent_id as a, consequent_id as b from tag_implications
        where antecedent_id in (select id from nodes) and consequent_id in (select id from nodes)`,
  );
  return edges.map((edge) => [edge.a, edge.b] as const);
}

async function resolvePair(
  executor: Executor,
  antecedent: string,
  consequent: string,
): Promise<[number, number]> {
  const resolved = await resolveTagNames(executor, [antecedent, consequent]);
  if (resolved.unknown.length > 0) {
    throw tagRuleError("not_found", "tag_not_found", `No tag named "${resolved.unknown.join('", "')}".`, {
      names: resolved.unknown,
    });
  }
  const a = resolved.byName.get(normalizeTagName(antecedent));
  const b = resolved.byName.get(normalizeTagName(consequent));
  if (a === undefined || b === undefined) throw new Error("resolved names lost");
  return [a, b];
}

async function namesOf(executor: Executor, ids: number[]): Promise<string[]> {
  const found = await rows<{ id: number; name: string }>(
    executor,
    sql`select id, name from tags where id in ${list(ids)}`,
  );
  const byId = new Map(found.map((row) => [row.id, row.name]));
  return ids.map((id) => byId.get(id) ?? String(id));
}

/** Re-derives implied tags on every wallpaper that carries the antecedent (directly or implied). */
async function reapply(tx: Executor, antecedentId: number, actor: Actor, via: string): Promise<number> {
  const affected = await rows<{ wallpaper_id: string }>(
    tx,
    sql`select distinct wallpaper_id from wallpaper_tags where tag_id = ${antecedentId}`,
  );
  if (affected.length === 0) return 0;
  const { diffs } = await changeWallpaperTags(
    tx,
    affected.map((r) => r.wallpaper_id),
    { actor, via, skipMissing: true },
    async () => {},
  );
  return diffs.length;
}

/**
 * The common tail of adding and removing a link `a → b`: audit it on the antecedent, then re-derive
 * the implied tags of every wallpaper carrying `a` (which also audits those wallpapers and tells the
 * search index). Both run inside the caller's transaction, after the implication row changed.
 */
async function recordImplicationChange(
  tx: Executor,
  actor: Actor,
  action: "tag.implication_added" | "tag.implication_removed",
  a: number,
  b: number,
) {
  await writeAudit(tx, actor, [
    {
      action,
      entityType: "tag",
      entityId: String(a),
      data: { antecedentId: a, consequentId: b },
      tagIds: [a, b],
    },
  ]);
  const wallpapersChanged = await reapply(tx, a, actor, "implication");
  return { antecedentId: a, consequentId: b, wallpapersChanged };
}

export async function addImplication(
  executor: Executor,
  antecedent: string,
  consequent: string,
  actor: Actor,
) {
  return executor.transaction(async (tx) => {
    await lockImplicationGraph(tx);
    const [a, b] = await resolvePair(tx, antecedent, consequent);
    const check = checkNewImplication(await loadNeighborhood(tx, [a, b]), a, b);
    if (!check.ok) {
      switch (check.kind) {
        case "self":
          throw tagRuleError("validation_failed", "implication_self", "A tag cannot imply itself.", {
            tagId: a,
          });
        case "exists":
          throw tagRuleError("conflict", "implication_exists", "That implication already exists.", {
            antecedentId: a,
            consequentId: b,
          });
        case "cycle":
          throw tagRuleError("conflict", "implication_cycle", "This implication would create a cycle.", {
            path: await namesOf(tx, check.path),
          });
        case "already_implied":
          throw tagRuleError(
            "conflict",
            "implication_redundant",
            "The consequent is already implied through a chain.",
            {
              kind: "already_implied",
              path: await namesOf(tx, check.path),
            },
          );
        case "makes_redundant":
          throw tagRuleError(
            "conflict",
            "implication_redundant",
            "This implication would make existing ones redundant.",
            {
              kind: "makes_redundant",
              links: await Promise.all(check.links.map((link) => namesOf(tx, [...link]))),
            },
          );
      }
    }
    await tx.insert(tagImplications).values({ antecedentId: a, consequentId: b, createdBy: actor.id });
    return recordImplicationChange(tx, actor, "tag.implication_added", a, b);
  });
}

export async function removeImplication(
  executor: Executor,
  antecedent: string,
  consequent: string,
  actor: Actor,
) {
  return executor.transaction(async (tx) => {
    await lockImplicationGraph(tx);
    const [a, b] = await resolvePair(tx, antecedent, consequent);
    const deleted = await tx
      .delete(tagImplications)
      .where(and(eq(tagImplications.antecedentId, a), eq(tagImplications.consequentId, b)))
      .returning();
    if (deleted.length === 0) {
      throw tagRuleError("not_found", "implication_not_found", "No such implication.", {
        antecedentId: a,
        consequentId: b,
      });
    }
    return recordImplicationChange(tx, actor, "tag.implication_removed", a, b);
  });
}

export async function listImplications(executor: Executor, filter: { tagId?: number; limit?: number } = {}) {
  const ante = alias(tags, "antecedent");
  const cons = alias(tags, "consequent");
  const query = executor
    .select({
      antecedentId: ante.id,
      antecedentName: ante.name,
      consequentId: cons.id,
      consequentName: cons.name,
      createdAt: tagImplications.createdAt,
    })
    .from(tagImplications)
    .innerJoin(ante, eq(ante.id, tagImplications.antecedentId))
    .innerJoin(cons, eq(cons.id, tagImplications.consequentId))
    .orderBy(ante.name, cons.name)
    .limit(filter.limit ?? 500);
  const { tagId } = filter;
  return tagId === undefined
    ? query
    : query.where(or(eq(tagImplications.antecedentId, tagId), eq(tagImplications.consequentId, tagId)));
}
