import { context } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { type Executor, outbox } from "@wallpaperdb/db";
import { type EventPayload, type EventType, eventCatalog } from "./catalog.ts";

const propagator = new W3CTraceContextPropagator();

/**
 * Records an event in the outbox using the caller's transaction, so the event exists exactly when the
 * change it describes is committed. The relay publishes it later; nothing is published "after commit".
 */
export async function enqueueEvent<T extends EventType>(
  executor: Executor,
  type: T,
  payload: EventPayload<T>,
): Promise<{ id: number }> {
  const data = eventCatalog[type].parse(payload);
  const headers: Record<string, string> = {};
  propagator.inject(context.active(), headers, {
    set: (carrier, key, value) => {
      carrier[key] = value;
    },
  });
  const [row] = await executor
    .insert(outbox)
    .values({ type, payload: data, headers })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned no row");
  return row;
}
