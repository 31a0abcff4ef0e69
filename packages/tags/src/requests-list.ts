import { type Executor, tagRequests, users } from "@wallpaperdb/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { normalizeTagNameResult } from "./normalize.ts";
import type { TagRequestKind, TagRequestStatus } from "./requests-rules.ts";

/** A person on the public list: the public handle only, never the display name (often a real one). */
export interface RequestPerson {
  username: string;
}

export interface TagRequestView {
  id: number;
  kind: TagRequestKind;
  status: TagRequestStatus;
  antecedent: string;
  consequent: string;
  reason: string;
  note: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  proposedBy: RequestPerson | null;
  decidedBy: RequestPerson | null;
  /** The viewer wrote it: the page offers "Withdraw" while it is pending. */
  mine: boolean;
}

export interface ListTagRequestsInput {
  status?: TagRequestStatus;
  /** Only this account's requests ("my requests"). */
  proposedBy?: string;
  /** Requests naming this tag on either side (the tag page's open requests). */
  tag?: string;
  limit?: number;
  offset?: number;
}

/**
 * The public history of requests: pending first (oldest first, as a queue is worked), then decided
 * ones, most recently decided first. Public as Danbooru's is: who asked and who decided is the point.
 */
export async function listTagRequests(
  executor: Executor,
  input: ListTagRequestsInput,
  viewerId: string | null,
): Promise<{ items: TagRequestView[]; hasMore: boolean }> {
  const proposer = alias(users, "proposer");
  const decider = alias(users, "decider");
  const limit = Math.min(input.limit ?? 50, 100);
  const filters: SQL[] = [];
  if (input.status) filters.push(eq(tagRequests.status, input.status));
  if (input.proposedBy) filters.push(eq(tagRequests.proposedBy, input.proposedBy));
  if (input.tag !== undefined) {
    // Stored names are normalized; a name that cannot be a tag names no request.
    const normalized = normalizeTagNameResult(input.tag);
    if (!normalized.ok) return { items: [], hasMore: false };
    const name = normalized.name;
    filters.push(sql`(${tagRequests.antecedent} = ${name} or ${tagRequests.consequent} = ${name})`);
  }
  const found = await executor
    .select({
      request: tagRequests,
      proposerName: proposer.username,
      deciderName: decider.username,
    })
    .from(tagRequests)
    .leftJoin(proposer, eq(proposer.id, tagRequests.proposedBy))
    .leftJoin(decider, eq(decider.id, tagRequests.decidedBy))
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(
      sql`(${tagRequests.status} = 'pending') desc`,
      sql`case when ${tagRequests.status} = 'pending' then ${tagRequests.createdAt} end asc`,
      desc(tagRequests.decidedAt),
      desc(tagRequests.id),
    )
    .limit(limit + 1)
    .offset(input.offset ?? 0);
  const items = found.slice(0, limit).map(({ request, proposerName, deciderName }) => ({
    id: request.id,
    kind: request.kind,
    status: request.status,
    antecedent: request.antecedent,
    consequent: request.consequent,
    reason: request.reason,
    note: request.note,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
    proposedBy: proposerName === null ? null : { username: proposerName },
    decidedBy: deciderName === null ? null : { username: deciderName },
    mine: viewerId !== null && request.proposedBy === viewerId,
  }));
  return { items, hasMore: found.length > limit };
}
