import type { JetStreamClient } from "@nats-io/jetstream";
import type { Logger } from "@wallpaperdb/core/logger";
import { type DbHandle, outbox } from "@wallpaperdb/db";
import {
  type OutboxSnapshot,
  observeOutbox,
  recordOutboxPublished,
  SpanKind,
  withSpan,
} from "@wallpaperdb/telemetry";
import { and, asc, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import {
  type EventBusNames,
  type EventEnvelope,
  type EventType,
  isEventType,
  subjectFor,
} from "./catalog.ts";
import { messagingAttributes, traceContextFromRecord } from "./envelope.ts";
import { publishEvent } from "./publisher.ts";

export const OUTBOX_CHANNEL = "outbox_new";

export interface OutboxRelayOptions {
  db: DbHandle;
  js: JetStreamClient;
  names: EventBusNames;
  logger: Logger;
  batchSize?: number;
  /** Safety-net poll for a missed NOTIFY (e.g. while the LISTEN connection reconnects). */
  pollMs?: number;
  /** Published rows older than this are deleted; must exceed the stream's duplicate window. */
  retentionMs?: number;
}

export interface OutboxRelay {
  stop(): Promise<void>;
  /** Publishes everything pending right now; resolves with how many rows were published. */
  drainOnce(): Promise<number>;
}

interface BatchResult {
  published: number;
  failed: number;
  claimed: number;
}

const MAX_BACKOFF_MS = 30_000;
const CLEANUP_EVERY_MS = 10 * 60_000;

/** Unpublished rows and the age of the oldest, via the partial index on unpublished rows. */
export async function readOutboxSnapshot(db: DbHandle): Promise<OutboxSnapshot> {
  const [row] = await db.db
    .select({
      backlog: sql<number>`count(*)::int`,
      age: sql<number>`coalesce(extract(epoch from now() - min(${outbox.createdAt})), 0)::float8`,
    })
    .from(outbox)
    .where(isNull(outbox.publishedAt));
  return { backlog: row?.backlog ?? 0, oldestAgeSeconds: row?.age ?? 0 };
}

/**
 * Moves committed outbox rows to JetStream. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number
 * of relays can run; Nats-Msg-Id = the outbox event_id (a uuid) makes a re-publish after a crash a no-op in the stream.
 */
export async function startOutboxRelay(options: OutboxRelayOptions): Promise<OutboxRelay> {
  const { db, js, names, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 5000;
  const retentionMs = options.retentionMs ?? 24 * 3600_000;
  let stopped = false;
  let wake: (() => void) | null = null;
  let pendingWake = false;
  let lastCleanup = 0;
  let failures = 0;

  async function drainBatch(): Promise<BatchResult> {
    return db.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.publishedAt))
        .orderBy(asc(outbox.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      // Publish the batch pipelined on one connection: the stream still stores it in id order.
      const results = await Promise.allSettled(
        rows.map((row) => {
          // Unknown types still get a span (and fail inside it), so the failure shows in the trace.
          const subject = isEventType(row.type) ? subjectFor(names.namespace, row.type) : row.type;
          // A child of the writer's stored context: the upload's trace continues through the relay.
          return withSpan(
            `send ${subject}`,
            messagingAttributes({ operation: "send", subject, eventType: row.type, messageId: row.eventId }),
            async () => {
              if (!isEventType(row.type)) throw new Error(`unknown event type "${row.type}"`);
              const envelope: EventEnvelope = {
                id: row.eventId,
                type: row.type as EventType,
                occurredAt: row.createdAt.toISOString(),
                data: row.payload as EventEnvelope["data"],
              };
              return publishEvent(js, names, envelope, { msgId: row.eventId, headers: row.headers });
            },
            { kind: SpanKind.PRODUCER, parent: traceContextFromRecord(row.headers) },
          );
        }),
      );
      const publishedIds: number[] = [];
      for (const [index, result] of results.entries()) {
        const row = rows[index];
        if (!row) continue;
        recordOutboxPublished(row.type, result.status === "fulfilled");
        if (result.status === "fulfilled") {
          publishedIds.push(row.id);
          continue;
        }
        const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError: message.slice(0, 2000) })
          .where(inArray(outbox.id, [row.id]));
      }
      if (publishedIds.length > 0) {
        await tx
          .update(outbox)
          .set({ publishedAt: sql`now()`, attempts: sql`${outbox.attempts} + 1`, lastError: null })
          .where(inArray(outbox.id, publishedIds));
      }
      return {
        published: publishedIds.length,
        failed: rows.length - publishedIds.length,
        claimed: rows.length,
      };
    });
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await drainBatch();
      total += batch.published;
      if (batch.failed > 0) {
        throw new Error(`outbox relay: ${batch.failed} event(s) could not be published`);
      }
      if (batch.claimed < batchSize) return total;
    }
  }

  // Deleting a bounded slice keeps each run short; the next runs finish a large backlog.
  async function cleanupPublished(): Promise<void> {
    if (Date.now() - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = Date.now();
    const cutoff = new Date(Date.now() - retentionMs);
    const old = db.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(isNotNull(outbox.publishedAt), lt(outbox.publishedAt, cutoff)))
      .limit(5000);
    await db.db.delete(outbox).where(inArray(outbox.id, old));
  }

  function sleep(ms: number): Promise<void> {
    if (pendingWake) {
      pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  function notify(): void {
    // While backing off from a failure, new rows wait for the backoff instead of retrying at once.
    if (failures > 0) return;
    if (wake) wake();
    else pendingWake = true;
  }

  const listener = await db.sql.listen(OUTBOX_CHANNEL, notify, notify);
  // Every relay reports the same table; dashboards take max() across them.
  const stopObserving = observeOutbox(() => readOutboxSnapshot(db));

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        const published = await drainOnce();
        if (published > 0) logger.debug({ published }, "outbox events published");
        if (failures > 0) logger.info({ failures }, "outbox relay recovered");
        failures = 0;
        await cleanupPublished();
      } catch (error) {
        failures += 1;
        logger.warn({ err: error, failures }, "outbox relay could not publish; backing off");
      }
      if (stopped) break;
      // While NATS or Postgres is failing, wait longer each time instead of hammering them.
      await sleep(failures === 0 ? pollMs : Math.min(MAX_BACKOFF_MS, 250 * 2 ** failures));
    }
  }

  const running = loop();
  logger.info({ stream: names.stream, batchSize, pollMs }, "outbox relay started");

  return {
    drainOnce,
    async stop() {
      if (stopped) return running;
      stopped = true;
      stopObserving();
      if (wake) wake();
      await running;
      await listener.unlisten().catch(() => {});
      logger.info("outbox relay stopped");
    },
  };
}
