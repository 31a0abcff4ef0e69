import { type Database, pings } from "@wallpaperdb/db";
import type { EventEnvelope, HandlerResult } from "@wallpaperdb/events";
import { and, eq, isNull, sql } from "drizzle-orm";

export interface PingDeps {
  db: Database;
  workerId: string;
}

/** Answers the walking skeleton's ping; a redelivery finds it answered and changes nothing. */
export async function handleSystemPing(
  deps: PingDeps,
  event: EventEnvelope<"system.ping.v1">,
): Promise<HandlerResult> {
  const { pingId } = event.data;
  const updated = await deps.db
    .update(pings)
    .set({ pongedAt: sql`now()`, pongedBy: deps.workerId })
    .where(and(eq(pings.id, pingId), isNull(pings.pongedAt)))
    .returning({ id: pings.id });
  if (updated.length > 0) return { status: "done" };
  const existing = await deps.db.select({ id: pings.id }).from(pings).where(eq(pings.id, pingId));
  if (existing.length > 0) return { status: "skipped", reason: "already ponged" };
  // The event is written in the ping's own transaction, so a missing row means it was deleted.
  return { status: "failed", reason: `ping ${pingId} does not exist`, retryable: false };
}
