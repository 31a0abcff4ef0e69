import type { JetStreamClient, JetStreamManager, JsMsg } from "@nats-io/jetstream";
import type { Context } from "@opentelemetry/api";
import type { Logger } from "@wallpaperdb/core/logger";
import { type DbHandle, eventFailures } from "@wallpaperdb/db";
import {
  markSpanFailed,
  observeConsumerLag,
  recordEventHandled,
  type Span,
  SpanKind,
  SpanStatusCode,
  withSpan,
} from "@wallpaperdb/telemetry";
import { type EventBusNames, type EventEnvelope, type EventType, subjectFor } from "./catalog.ts";
import { extractTraceContext, messagingAttributes, parseEnvelope } from "./envelope.ts";
import {
  backoffDelay,
  DEFAULT_BACKOFF_MS,
  type DeliveryAttempt,
  decideOutcome,
  type HandlerResult,
} from "./outcome.ts";
import { ensureConsumer } from "./provision.ts";
import { EVENT_TYPE_HEADER } from "./publisher.ts";

export type { HandlerResult };
export { extractTraceContext, parseEnvelope };

export interface HandlerContext {
  deliveryCount: number;
  /** Aborted when the worker stops before the handler finished; the event is redelivered elsewhere. */
  signal: AbortSignal;
  /** Trace context of the producer, for linking spans. */
  traceContext: Context;
}

export type EventHandler<T extends EventType> = (
  event: EventEnvelope<T>,
  ctx: HandlerContext,
) => Promise<HandlerResult>;

export interface RunConsumerOptions<T extends EventType> {
  js: JetStreamClient;
  /** When given, the durable consumer is created or updated before consuming. */
  jsm?: JetStreamManager;
  db: DbHandle;
  names: EventBusNames;
  durable: string;
  types: T[];
  handler: EventHandler<T>;
  maxDeliver?: number;
  backoffMs?: number[];
  concurrency?: number;
  ackWaitMs?: number;
  /** How long stop() lets in-flight handlers finish before nak-ing them. */
  shutdownTimeoutMs?: number;
  logger: Logger;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

interface InFlight {
  msg: JsMsg;
  controller: AbortController;
  settled: boolean;
}

/**
 * Runs `handler` for every event of `types` on a durable pull consumer shared with other processes.
 * The handler's result is mapped to ack / nak-with-backoff / term by decideOutcome; terminal failures
 * are recorded in event_failures first, so nothing is dropped silently.
 */
export async function runConsumer<T extends EventType>(
  options: RunConsumerOptions<T>,
): Promise<RunningConsumer> {
  const { js, db, names, durable, types, handler, logger } = options;
  const maxDeliver = options.maxDeliver ?? 5;
  const policy = { maxDeliver, backoffMs: options.backoffMs ?? [...DEFAULT_BACKOFF_MS] };
  const concurrency = options.concurrency ?? 1;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const log = logger.child({ consumer: durable });

  if (options.jsm) {
    await ensureConsumer(options.jsm, names, {
      durable,
      filterSubjects: types.map((type) => subjectFor(names.namespace, type)),
      // One spare delivery lets us record events whose last delivery timed out (see "exhausted").
      maxDeliver: maxDeliver + 1,
      ackWaitMs,
    });
  }
  const consumer = await js.consumers.get(names.stream, durable);
  const messages = await consumer.consume({ max_messages: concurrency });
  const inFlight = new Set<InFlight>();
  const tasks = new Set<Promise<void>>();
  let stopping = false;

  async function recordFailure(msg: JsMsg, reason: string): Promise<void> {
    const raw = msg.string();
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      payload = { raw: raw.slice(0, 10_000) };
    }
    await db.db.insert(eventFailures).values({
      consumer: durable,
      subject: msg.subject,
      messageId: msg.headers?.get("Nats-Msg-Id") || null,
      streamSequence: msg.seq,
      deliveries: msg.info.deliveryCount,
      payload,
      error: reason.slice(0, 10_000),
    });
  }

  async function settle(entry: InFlight, attempt: DeliveryAttempt): Promise<string | null> {
    if (entry.settled) return null;
    entry.settled = true;
    const { msg } = entry;
    const deliveryCount = msg.info.deliveryCount;
    const outcome = decideOutcome(attempt, deliveryCount, policy);
    const fields = { seq: msg.seq, subject: msg.subject, deliveryCount };
    switch (outcome.action) {
      case "ack":
        msg.ack();
        return "ack";
      case "nak":
        log.warn({ ...fields, delayMs: outcome.delayMs, reason: outcome.reason }, "event will be retried");
        msg.nak(outcome.delayMs);
        return "nak";
      case "term":
        try {
          await recordFailure(msg, outcome.reason);
        } catch (error) {
          // Without the record the failure would vanish: keep the message and try again later.
          log.error({ ...fields, err: error }, "could not record event failure; retrying later");
          msg.nak(backoffDelay(deliveryCount, policy.backoffMs));
          return "nak";
        }
        log.error({ ...fields, reason: outcome.reason }, "event failed permanently");
        // No reason string: servers before 2.11 ignore "+TERM <reason>" entirely.
        msg.term();
        return "term";
    }
  }

  async function processMessage(msg: JsMsg): Promise<void> {
    const traceContext = extractTraceContext(msg.headers);
    const eventType = msg.headers?.get(EVENT_TYPE_HEADER) || msg.subject;
    // The consumer span is a child of the relay's send span, so one event is one trace end to end.
    const attributes = messagingAttributes({
      operation: "process",
      subject: msg.subject,
      eventType,
      messageId: msg.headers?.get("Nats-Msg-Id") || String(msg.seq),
      consumer: durable,
      deliveryCount: msg.info.deliveryCount,
    });
    await withSpan(`process ${eventType}`, attributes, (span) => runHandler(msg, traceContext, span), {
      kind: SpanKind.CONSUMER,
      parent: traceContext,
    });
  }

  async function runHandler(msg: JsMsg, traceContext: Context, span: Span): Promise<void> {
    const started = performance.now();
    const entry: InFlight = { msg, controller: new AbortController(), settled: false };
    inFlight.add(entry);
    // Long handlers keep their claim instead of being redelivered to another worker mid-way.
    const progress = setInterval(() => msg.working(), Math.max(1000, ackWaitMs / 2));
    let attempt: DeliveryAttempt;
    let type = msg.subject;
    try {
      const deliveryCount = msg.info.deliveryCount;
      const parsed = parseEnvelope(msg.string(), types);
      if (deliveryCount > maxDeliver) attempt = { kind: "exhausted" };
      else if (!parsed.ok) attempt = { kind: "invalid", error: parsed.error };
      else {
        type = parsed.event.type;
        const ctx: HandlerContext = { deliveryCount, signal: entry.controller.signal, traceContext };
        const result = await handler(parsed.event, ctx);
        attempt = { kind: "handled", result };
      }
    } catch (error) {
      attempt = { kind: "threw", error };
    } finally {
      clearInterval(progress);
    }
    if (attempt.kind === "threw") markSpanFailed(span, attempt.error);
    else if (attempt.kind !== "handled" || attempt.result.status === "failed") {
      span.setStatus({ code: SpanStatusCode.ERROR, message: attempt.kind });
    }
    try {
      const action = await settle(entry, attempt);
      if (action) {
        span.setAttribute("wallpaperdb.event.action", action);
        recordEventHandled({ consumer: durable, type, action }, performance.now() - started);
      }
    } catch (error) {
      log.error({ err: error, seq: msg.seq }, "could not settle event");
    } finally {
      inFlight.delete(entry);
    }
  }

  const pulling = (async () => {
    for await (const msg of messages) {
      if (stopping) {
        msg.nak();
        continue;
      }
      const task = processMessage(msg);
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
      if (tasks.size >= concurrency) await Promise.race(tasks);
    }
  })();
  const watching = (async () => {
    for await (const status of messages.status()) {
      if (status.type === "heartbeats_missed" || status.type === "consumer_not_found") {
        log.warn({ status }, "consumer status");
      }
    }
  })();
  // Lag as JetStream sees it: messages the durable has not been given yet, shared by all its workers.
  const stopObserving = observeConsumerLag(durable, async () => {
    const info = await consumer.info(false);
    return info.num_pending;
  });
  log.info({ stream: names.stream, types, concurrency, maxDeliver }, "consumer started");

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      stopObserving();
      // close() resolves only once the pull loop has seen the end of the iterator, and that loop may be
      // waiting for a handler slot: so it is part of what we wait for, not a step before it.
      const closing = messages.close();
      const drained = pulling
        .then(() => closing)
        .catch((error: unknown) => log.warn({ err: error }, "consumer loop ended with an error"))
        .then(() => Promise.allSettled([...tasks]))
        .then(() => true);
      const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
      const finished = await Promise.race([drained, delay(timeoutMs, false)]);
      if (!finished) {
        log.warn({ running: inFlight.size }, "handlers still running at shutdown; handing events back");
        for (const entry of inFlight) {
          entry.controller.abort();
          await settle(entry, { kind: "interrupted" });
        }
        // Aborted handlers usually return promptly; one that ignores its signal must not block shutdown.
        await Promise.race([drained, delay(1000, false)]);
      }
      // The status stream ends with the subscription; it is not awaited for the same reason.
      void watching.catch(() => {});
      log.info("consumer stopped");
    },
  };
}

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}
