import { type Executor, tagAliases, tagImplications, tagRequests } from "@wallpaperdb/db";
import { and, eq, sql } from "drizzle-orm";
import { didYouMean } from "./did-you-mean.ts";
import { tagRuleError } from "./errors.ts";
import { normalizeTagName } from "./normalize.ts";
import { tagRequestError } from "./requests-errors.ts";
import { MAX_REQUEST_REASON_LENGTH, type TagRequestKind } from "./requests-rules.ts";
import { resolveTagNames } from "./resolve.ts";

export interface ProposeInput {
  kind: TagRequestKind;
  antecedent: string;
  consequent: string;
  reason: string;
}

/** not_found with close names, in the shape every "unknown tag" error of the API has. */
async function unknownTag(executor: Executor, name: string) {
  const suggestions = (await didYouMean(executor, name, 5)).map((hit) => hit.name);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions[0]}?` : "";
  return tagRuleError("not_found", "tag_not_found", `No tag or alias is called ${name}.${hint}`, {
    name,
    suggestions,
  });
}

/**
 * What can be known when a request is made: both names exist where they must, the link does not
 * exist yet. Cycles and redundant chains are left to the engine at approval, because the graph may
 * change in between and the engine checks it again anyway.
 */
async function checkAlias(executor: Executor, alias: string, target: string): Promise<void> {
  const resolved = await resolveTagNames(executor, [alias, target]);
  const aliasTo = resolved.byName.get(alias);
  if (aliasTo !== undefined) {
    const [existing] = await executor.select().from(tagAliases).where(eq(tagAliases.name, alias)).limit(1);
    if (!existing)
      throw tagRuleError("conflict", "alias_is_tag", `"${alias}" is a tag; ask a curator to merge it.`, {
        name: alias,
      });
    throw tagRuleError("conflict", "alias_exists", `"${alias}" is already an alias.`, {
      name: alias,
      tagId: existing.tagId,
    });
  }
  if (!resolved.byName.has(target)) throw await unknownTag(executor, target);
  const [targetAlias] = await executor.select().from(tagAliases).where(eq(tagAliases.name, target)).limit(1);
  if (targetAlias)
    throw tagRuleError(
      "conflict",
      "alias_chain",
      `"${target}" is itself an alias; point "${alias}" at the tag it resolves to.`,
      { name: alias, target, resolvesToTagId: targetAlias.tagId },
    );
}

async function checkImplication(executor: Executor, antecedent: string, consequent: string): Promise<void> {
  const resolved = await resolveTagNames(executor, [antecedent, consequent]);
  for (const name of [antecedent, consequent])
    if (!resolved.byName.has(name)) throw await unknownTag(executor, name);
  const a = resolved.byName.get(antecedent);
  const b = resolved.byName.get(consequent);
  if (a === b) throw tagRuleError("validation_failed", "implication_self", "A tag cannot imply itself.");
  if (a === undefined || b === undefined) return;
  const [existing] = await executor
    .select({ a: tagImplications.antecedentId })
    .from(tagImplications)
    .where(and(eq(tagImplications.antecedentId, a), eq(tagImplications.consequentId, b)))
    .limit(1);
  if (existing)
    throw tagRuleError("conflict", "implication_exists", "That implication already exists.", {
      antecedentId: a,
      consequentId: b,
    });
}

/** Files a pending request after checking what the engine would refuse anyway. */
export async function proposeTagRequest(executor: Executor, input: ProposeInput, authorId: string) {
  const antecedent = normalizeTagName(input.antecedent);
  const consequent = normalizeTagName(input.consequent);
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > MAX_REQUEST_REASON_LENGTH)
    throw tagRequestError(
      "validation_failed",
      "request_reason",
      `Give a reason of 1 to ${MAX_REQUEST_REASON_LENGTH} characters.`,
    );
  if (antecedent === consequent)
    throw tagRequestError("validation_failed", "request_self", "Name two different tags.", {
      name: antecedent,
    });
  if (input.kind === "alias") await checkAlias(executor, antecedent, consequent);
  else await checkImplication(executor, antecedent, consequent);
  // The partial unique index decides between two concurrent proposals of the same link.
  const [row] = await executor
    .insert(tagRequests)
    .values({ kind: input.kind, antecedent, consequent, reason, proposedBy: authorId })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [open] = await executor
      .select({ id: tagRequests.id })
      .from(tagRequests)
      .where(
        and(
          eq(tagRequests.kind, input.kind),
          eq(tagRequests.antecedent, antecedent),
          eq(tagRequests.consequent, consequent),
          eq(tagRequests.status, "pending"),
        ),
      )
      .limit(1);
    throw tagRequestError(
      "conflict",
      "request_duplicate",
      `Request #${open?.id ?? "?"} already asks for this.`,
      {
        requestId: open?.id ?? null,
      },
    );
  }
  return row;
}

/** The author takes back a request nobody has decided yet. */
export async function withdrawTagRequest(executor: Executor, requestId: number, authorId: string) {
  const [row] = await executor
    .update(tagRequests)
    .set({ status: "withdrawn", decidedBy: authorId, decidedAt: sql`now()` })
    .where(
      and(
        eq(tagRequests.id, requestId),
        eq(tagRequests.status, "pending"),
        eq(tagRequests.proposedBy, authorId),
      ),
    )
    .returning();
  if (row) return row;
  const [found] = await executor.select().from(tagRequests).where(eq(tagRequests.id, requestId)).limit(1);
  if (!found) throw tagRequestError("not_found", "request_not_found", `No tag request #${requestId}.`);
  if (found.proposedBy !== authorId)
    throw tagRequestError("forbidden", "request_not_author", "Only its author can withdraw a request.");
  throw tagRequestError(
    "conflict",
    "request_not_pending",
    `Request #${requestId} is already ${found.status}.`,
    {
      status: found.status,
    },
  );
}
