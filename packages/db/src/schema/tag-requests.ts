import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

export const tagRequestKinds = ["alias", "implication"] as const;
export const tagRequestStatuses = ["pending", "approved", "rejected", "withdrawn"] as const;
export const tagRequestKind = pgEnum("tag_request_kind", tagRequestKinds);
export const tagRequestStatus = pgEnum("tag_request_status", tagRequestStatuses);

/**
 * A member's proposal of an alias or implication (Danbooru's alias/implication requests), decided by
 * a curator. Names, not tag ids: an alias's antecedent is not a tag at all, and the tag engine resolves
 * names again on approval (a tag renamed or merged since is then found through its alias).
 */
export const tagRequests = pgTable(
  "tag_requests",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: tagRequestKind("kind").notNull(),
    status: tagRequestStatus("status").notNull().default("pending"),
    // Normalized names; alias: antecedent → consequent means "antecedent is another name of consequent".
    antecedent: text("antecedent").notNull(),
    consequent: text("consequent").notNull(),
    reason: text("reason").notNull(),
    // Kept when the account is deleted, as the tag history keeps its entries.
    proposedBy: text("proposed_by").references(() => users.id, { onDelete: "set null" }),
    // The curator who approved or rejected it, or the author who withdrew it.
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open request per link: a second proposal of the same thing is refused as a duplicate.
    uniqueIndex("tag_requests_open_idx")
      .on(t.kind, t.antecedent, t.consequent)
      .where(sql`${t.status} = 'pending'`),
    // The public list: pending first, then decided, newest first within each.
    index("tag_requests_list_idx").on(t.status, t.createdAt.desc(), t.id.desc()),
    index("tag_requests_proposed_by_idx").on(t.proposedBy, t.createdAt.desc()),
    check("tag_requests_not_self", sql`${t.antecedent} <> ${t.consequent}`),
    check("tag_requests_reason_length", sql`char_length(${t.reason}) between 1 and 1000`),
    check("tag_requests_note_length", sql`${t.note} is null or char_length(${t.note}) <= 1000`),
    check("tag_requests_decided", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);
