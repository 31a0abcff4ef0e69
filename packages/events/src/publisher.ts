import type { JetStreamClient, PubAck } from "@nats-io/jetstream";
import { headers as natsHeaders } from "@nats-io/transport-node";
import { context, trace } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { type EventBusNames, type EventEnvelope, subjectFor } from "./catalog.ts";

export type { JetStreamClient, PubAck };

/** Header naming the event type, so tools can route or filter without parsing the body. */
export const EVENT_TYPE_HEADER = "Wpdb-Event-Type";
const TRACE_HEADERS = ["traceparent", "tracestate"] as const;
const propagator = new W3CTraceContextPropagator();

export interface PublishOptions {
  /** Deduplication key within the stream's duplicate window; the relay passes the outbox event_id. */
  msgId: string;
  /**
   * W3C trace context of the code that produced the event, used when no span is active (telemetry off);
   * other keys are ignored. With an active span (the relay's send span) that span is the parent instead.
   */
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
  const carried = traceHeaders(options.headers);
  for (const key of TRACE_HEADERS) {
    const value = carried[key];
    if (value) hdrs.set(key, value);
  }
  return js.publish(subjectFor(names.namespace, envelope.type), JSON.stringify(envelope), {
    msgID: options.msgId,
    headers: hdrs,
    timeout: options.timeoutMs ?? 5000,
  });
}

function traceHeaders(fallback: Record<string, string> | undefined): Record<string, string> {
  if (!trace.getActiveSpan()) return fallback ?? {};
  const injected: Record<string, string> = {};
  propagator.inject(context.active(), injected, {
    set: (carrier, key, value) => {
      carrier[key] = value;
    },
  });
  return injected.traceparent ? injected : (fallback ?? {});
}
