import { DeliverPolicy } from "@nats-io/jetstream";
import { AppError } from "@wallpaperdb/core/errors";
import { type Database, processingSteps, wallpapers } from "@wallpaperdb/db";
import type { EventBusNames, EventPayload } from "@wallpaperdb/events";
import { jetStreamClients, type NatsConnection } from "@wallpaperdb/events/connect";
import { parseEnvelope } from "@wallpaperdb/events/consumer";
import { eq } from "drizzle-orm";
import {
  applyProcessed,
  applyProgress,
  decodeCursor,
  encodeCursor,
  type ProgressUpdate,
  type ProgressView,
  type StepProgress,
  type StepProgressState,
  statusOf,
} from "./progress-view.ts";
import { stepsFor } from "./steps.ts";

export interface ProgressFeedDeps {
  db: Database;
  nats: NatsConnection;
  names: EventBusNames;
}

export interface ProgressFeedItem {
  /** Resume token: pass it back as `lastEventId` to continue without losing or repeating a change. */
  id: string;
  data: ProgressUpdate;
}

const feedTypes = ["wallpaper.progress.v1", "wallpaper.processed.v1", "wallpaper.deleted.v1"] as const;

/** The wallpaper's step states as PostgreSQL has them, in the order the steps run. */
export async function readProgressSnapshot(db: Database, wallpaperId: string): Promise<ProgressView> {
  const [wallpaper] = await db
    .select({ mediaType: wallpapers.mediaType, processedAt: wallpapers.processedAt })
    .from(wallpapers)
    .where(eq(wallpapers.id, wallpaperId));
  if (!wallpaper) throw new AppError("not_found", "No wallpaper with that id.", { wallpaperId });
  const rows = await db
    .select({
      step: processingSteps.step,
      state: processingSteps.state,
      attempts: processingSteps.attempts,
      error: processingSteps.lastError,
    })
    .from(processingSteps)
    .where(eq(processingSteps.wallpaperId, wallpaperId));
  // Step rows appear with the first worker; until then the steps the media type needs are pending.
  const order = stepsFor(wallpaper.mediaType);
  const names = [...new Set<string>([...order, ...rows.map((r) => r.step)])];
  const steps: StepProgress[] = [];
  for (const step of names) {
    const row = rows.find((r) => r.step === step);
    if (row?.state === "skipped") continue;
    const state: StepProgressState = row ? row.state : "pending";
    const error = state === "failed" || state === "pending" ? (row?.error ?? null) : null;
    steps.push({ step, state, attempts: row?.attempts ?? 0, error });
  }
  return { wallpaperId, status: statusOf(steps, wallpaper.processedAt !== null), steps };
}

/**
 * An ordered feed of one wallpaper's progress: the current view first (from PostgreSQL, or from the
 * resume token), then every change from JetStream until the wallpaper is ready or failed.
 *
 * Cost per subscriber: one ephemeral ordered consumer, created only while the wallpaper is still
 * processing (seconds), reading the namespace's wallpaper events from the resume point and dropping
 * other wallpapers' in process. A finished wallpaper answers from PostgreSQL and opens nothing.
 */
export async function* wallpaperProgressFeed(
  deps: ProgressFeedDeps,
  wallpaperId: string,
  options: { lastEventId?: string | null; signal?: AbortSignal } = {},
): AsyncGenerator<ProgressFeedItem> {
  const { db, nats, names } = deps;
  const { js, jsm } = await jetStreamClients(nats);
  const resumed = options.lastEventId ? decodeCursor(options.lastEventId, wallpaperId) : null;
  const { state } = await jsm.streams.info(names.stream);
  let sequence: number;
  let view: ProgressView;
  // A resume point the stream has already dropped (age limit) cannot be continued: start afresh.
  if (resumed && resumed.sequence + 1 >= state.first_seq) {
    sequence = resumed.sequence;
    view = resumed.view;
  } else {
    // The stream position is read BEFORE the rows: every event up to it was committed before it was
    // published, so the snapshot reflects it; later ones are read live and deduplicated by progressKey.
    sequence = state.last_seq;
    view = await readProgressSnapshot(db, wallpaperId);
    yield { id: encodeCursor(sequence, view), data: { view, change: null } };
  }
  if (view.status !== "processing" || options.signal?.aborted) return;

  const consumer = await js.consumers.get(names.stream, {
    // One subject pattern for both event types: nats-server 2.9 accepts a single filter per consumer.
    filter_subjects: `${names.namespace}.wallpaper.*.v1`,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: sequence + 1,
  });
  const messages = await consumer.consume({ max_messages: 64 });
  const stop = () => {
    void messages.close();
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    for await (const msg of messages) {
      const parsed = parseEnvelope(msg.string(), feedTypes);
      if (!parsed.ok || parsed.event.data.wallpaperId !== wallpaperId) continue;
      const event = parsed.event;
      // Deleted mid-processing: no change will ever come, so the feed ends as the wallpaper has.
      if (event.type === "wallpaper.deleted.v1") {
        throw new AppError("not_found", "This wallpaper was deleted.", { wallpaperId, reason: "deleted" });
      }
      const update =
        event.type === "wallpaper.processed.v1"
          ? applyProcessed(view)
          : applyProgress(view, event.data as EventPayload<"wallpaper.progress.v1">);
      if (!update) continue;
      view = update.view;
      yield { id: encodeCursor(msg.seq, view), data: update };
      if (view.status !== "processing") return;
    }
  } finally {
    options.signal?.removeEventListener("abort", stop);
    await messages.close();
    // Ordered consumers otherwise linger on the server for minutes after their reader left.
    await consumer.delete().catch(() => false);
  }
}
