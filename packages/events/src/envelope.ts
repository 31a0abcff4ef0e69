import type { MsgHdrs } from "@nats-io/transport-node";
import { type Attributes, type Context, ROOT_CONTEXT } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { z } from "zod";
import { type EventEnvelope, type EventType, eventCatalog } from "./catalog.ts";

const propagator = new W3CTraceContextPropagator();
const envelopeSchema = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  data: z.unknown(),
});

export function extractTraceContext(headers: MsgHdrs | undefined): Context {
  if (!headers) return ROOT_CONTEXT;
  return propagator.extract(ROOT_CONTEXT, headers, {
    get: (carrier, key) => carrier.get(key) || undefined,
    keys: (carrier) => carrier.keys(),
  });
}

/** The trace context stored with an outbox row (a plain header record). */
export function traceContextFromRecord(headers: Record<string, string> | null | undefined): Context {
  if (!headers) return ROOT_CONTEXT;
  return propagator.extract(ROOT_CONTEXT, headers, {
    get: (carrier, key) => carrier[key],
    keys: (carrier) => Object.keys(carrier),
  });
}

/** OpenTelemetry messaging semantic-convention attributes for a NATS JetStream send or process span. */
export function messagingAttributes(input: {
  operation: "send" | "process";
  subject: string;
  eventType: string;
  messageId: string;
  consumer?: string;
  deliveryCount?: number;
}): Attributes {
  return {
    "messaging.system": "nats",
    "messaging.operation.type": input.operation,
    "messaging.operation.name": input.operation,
    "messaging.destination.name": input.subject,
    "messaging.message.id": input.messageId,
    "wallpaperdb.event.type": input.eventType,
    ...(input.consumer ? { "messaging.consumer.group.name": input.consumer } : {}),
    ...(input.deliveryCount ? { "messaging.nats.delivery_count": input.deliveryCount } : {}),
  };
}

/** Validates the wire message against the envelope and the catalog schema of its type. */
export function parseEnvelope<T extends EventType>(
  raw: string,
  types: readonly T[],
): { ok: true; event: EventEnvelope<T> } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: "body is not JSON" };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, error: z.prettifyError(envelope.error) };
  const type = types.find((candidate) => candidate === envelope.data.type);
  if (!type) return { ok: false, error: `unexpected event type "${envelope.data.type}"` };
  const data = eventCatalog[type].safeParse(envelope.data.data);
  if (!data.success) return { ok: false, error: z.prettifyError(data.error) };
  return { ok: true, event: { ...envelope.data, type, data: data.data } as EventEnvelope<T> };
}
