import { context } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { type Executor, outbox } from "@wallpaperdb/db";
import { CHANGED_BATCH, type EventPayload, type EventType, eventCatalog } from "./catalog.ts";

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

/**
 * Enqueues `wallpaper.changed.v1` for the given wallpapers in the caller's transaction, split into
 * batches of CHANGED_BATCH ids (a bulk edit or a merge may touch thousands). Nothing for no ids.
 */
export async function enqueueWallpapersChanged(
  executor: Executor,
  wallpaperIds: readonly string[],
  change: EventPayload<"wallpaper.changed.v1">["change"],
): Promise<void> {
  const ids = [...new Set(wallpaperIds)].sort();
  for (let start = 0; start < ids.length; start += CHANGED_BATCH) {
    await enqueueEvent(executor, "wallpaper.changed.v1", {
      wallpaperIds: ids.slice(start, start + CHANGED_BATCH),
      change,
    });
  }
}
