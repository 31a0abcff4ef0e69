import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * Transactional outbox: an event row is written in the same transaction as the change it describes;
 * the relay publishes it to JetStream with Nats-Msg-Id = id, so a re-publish is deduplicated.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // Globally unique event id: the envelope id and JetStream's Nats-Msg-Id. Not the row id, which
    // restarts when a database is recreated and would then be dropped as a "duplicate" by the stream.
    eventId: uuid("event_id").notNull().defaultRandom().unique(),
    // The versioned event type; the relay derives the subject from it and its configured namespace.
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    // W3C trace context of the transaction that wrote the event (traceparent, tracestate).
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_unpublished_idx").on(t.id).where(sql`${t.publishedAt} is null`)],
);

/** Messages a consumer gave up on (bad input, or max deliveries reached), with the error. */
export const eventFailures = pgTable(
  "event_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    consumer: text("consumer").notNull(),
    subject: text("subject").notNull(),
    messageId: text("message_id"),
    streamSequence: bigint("stream_sequence", { mode: "number" }),
    deliveries: integer("deliveries").notNull(),
    payload: jsonb("payload"),
    error: text("error").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_failures_consumer_idx").on(t.consumer, t.createdAt)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    data: jsonb("data").notNull().default({}),
    // Tags an entry touched, so a tag's history finds wallpaper tag edits without scanning jsonb.
    tagIds: integer("tag_ids").array(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.createdAt),
    index("audit_log_tag_ids_idx").using("gin", t.tagIds),
  ],
);
