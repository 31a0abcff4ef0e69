import type { JetStreamClient, PubAck } from "@nats-io/jetstream";
import { headers as natsHeaders } from "@nats-io/transport-node";
import { type EventBusNames, type EventEnvelope, subjectFor } from "./catalog.ts";

export type { JetStreamClient, PubAck };

/** Header naming the event type, so tools can route or filter without parsing the body. */
export const EVENT_TYPE_HEADER = "Wpdb-Event-Type";
const TRACE_HEADERS = ["traceparent", "tracestate"] as const;

export interface PublishOptions {
  /** Deduplication key within the stream's duplicate window; the relay passes the outbox event_id. */
  msgId: string;
  /** W3C trace context of the code that produced the event; other keys are ignored. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Publishes one event and resolves once JetStream has stored it (or recognised it as a duplicate). */
export async function publishEvent(
  js: JetStreamClient,
  names: EventBusNames,
  envelope: EventEnvelope,
  options: PublishOptions,
): Promise<PubAck> {
  const hdrs = natsHeaders();
  hdrs.set(EVENT_TYPE_HEADER, envelope.type);
  for (const key of TRACE_HEADERS) {
    const value = options.headers?.[key];
    if (value) hdrs.set(key, value);
  }
  return js.publish(subjectFor(names.namespace, envelope.type), JSON.stringify(envelope), {
    msgID: options.msgId,
    headers: hdrs,
    timeout: options.timeoutMs ?? 5000,
  });
}
