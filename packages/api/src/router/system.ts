import { eventFailures, processingSteps } from "@wallpaperdb/db";
import { jetStreamClients } from "@wallpaperdb/events/connect";
import { readOutboxSnapshot } from "@wallpaperdb/events/relay";
import { pipelineSteps } from "@wallpaperdb/pipeline";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { TRPCContext } from "../context.ts";
import { createTRPCRouter, curatorProcedure } from "../trpc.ts";
import { requireEventNames } from "./progress.ts";

export interface ConsumerHealth {
  name: string;
  /** Events the durable has not handed to a worker yet: the lag Grafana's consumer panel shows. */
  pending: number;
  /** Handed out, not yet acknowledged (in flight or waiting for a retry). */
  ackPending: number;
  redelivered: number;
  /** Pull requests parked on the server: more than zero means some worker is consuming right now. */
  waitingPulls: number;
  lastActive: string | null;
}

function timestamp(value: unknown): string | null {
  if (typeof value === "string" && !value.startsWith("0001-")) return value;
  return null;
}

async function readConsumers(ctx: TRPCContext): Promise<ConsumerHealth[]> {
  const names = requireEventNames(ctx.events);
  const { jsm } = await jetStreamClients(ctx.nats);
  const consumers: ConsumerHealth[] = [];
  for await (const info of jsm.consumers.list(names.stream)) {
    // Ephemeral consumers (live progress readers) come and go; only the workers' durables matter here.
    if (!info.config.durable_name) continue;
    consumers.push({
      name: info.name,
      pending: info.num_pending,
      ackPending: info.num_ack_pending,
      redelivered: info.num_redelivered,
      waitingPulls: info.num_waiting,
      lastActive: timestamp(info.delivered.last_active),
    });
  }
  return consumers.sort((a, b) => a.name.localeCompare(b.name));
}

async function settle<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export const systemRouter = createTRPCRouter({
  /**
   * The app's health at a glance for people without Grafana: dependency checks, outbox backlog,
   * consumer lag and recent failures. Each part is read on its own, so one broken dependency still
   * leaves the rest of the page useful.
   */
  overview: curatorProcedure.query(async ({ ctx }) => {
    const [readiness, outbox, consumers, failures, failedSteps] = await Promise.all([
      settle(
        ctx.checkReadiness
          ? ctx.checkReadiness()
          : Promise.reject(new Error("this server does not report readiness")),
      ),
      // readOutboxSnapshot only queries through `db`.
      settle(readOutboxSnapshot({ db: ctx.db, sql: ctx.sql, close: () => Promise.resolve() })),
      settle(readConsumers(ctx)),
      settle(
        ctx.db
          .select({
            id: eventFailures.id,
            consumer: eventFailures.consumer,
            subject: eventFailures.subject,
            deliveries: eventFailures.deliveries,
            error: eventFailures.error,
            createdAt: eventFailures.createdAt,
          })
          .from(eventFailures)
          .orderBy(desc(eventFailures.createdAt))
          .limit(10),
      ),
      settle(
        ctx.db
          .select({
            wallpaperId: processingSteps.wallpaperId,
            step: processingSteps.step,
            attempts: processingSteps.attempts,
            error: processingSteps.lastError,
            at: processingSteps.updatedAt,
          })
          .from(processingSteps)
          // Naming the steps lets PostgreSQL use the (step, state) index instead of scanning every row.
          .where(and(inArray(processingSteps.step, pipelineSteps), eq(processingSteps.state, "failed")))
          .orderBy(desc(processingSteps.updatedAt))
          .limit(10),
      ),
    ]);
    return { checkedAt: new Date(), readiness, outbox, consumers, failures, failedSteps };
  }),
});
