import {
  AckPolicy,
  type ConsumerConfig,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import type { EventBusNames } from "./catalog.ts";

export type { JetStreamManager };

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;
const STREAM_NAME_IN_USE = 10058;

export interface StreamOptions {
  replicas?: number;
  /** Events older than this are dropped; the outbox and processing_steps are the long-term record. */
  maxAgeMs?: number;
  maxBytes?: number;
  /**
   * Must outlast the longest gap between a publish and a relay's re-publish of the same outbox row
   * (a relay that crashed between PubAck and marking the row), or the re-publish is not deduplicated.
   */
  duplicateWindowMs?: number;
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/** Creates the namespace's stream, or brings its configuration up to date. Safe to run concurrently. */
export async function ensureStream(
  jsm: JetStreamManager,
  names: EventBusNames,
  options: StreamOptions = {},
): Promise<void> {
  const wanted = {
    subjects: [`${names.namespace}.>`],
    num_replicas: options.replicas ?? 1,
    max_age: nanos(options.maxAgeMs ?? 7 * 24 * 3600_000),
    max_bytes: options.maxBytes ?? 1024 ** 3,
    max_msg_size: 1024 ** 2,
    duplicate_window: nanos(options.duplicateWindowMs ?? 10 * 60_000),
    discard: DiscardPolicy.Old,
  } satisfies Partial<StreamConfig>;
  const current = await jsm.streams.info(names.stream).catch((error: unknown) => {
    if (isApiError(error, STREAM_NOT_FOUND)) return null;
    throw error;
  });
  if (current === null) {
    try {
      await jsm.streams.add({
        name: names.stream,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        ...wanted,
      });
      return;
    } catch (error) {
      // Another process created it first; fall through to the update path.
      if (!isApiError(error, STREAM_NAME_IN_USE)) throw error;
    }
  } else if (sameConfig(current.config, wanted)) {
    return;
  }
  await jsm.streams.update(names.stream, wanted);
}

export interface ConsumerOptions {
  durable: string;
  filterSubjects: string[];
  maxDeliver: number;
  /** Redelivery after an unacknowledged delivery; handlers report progress to extend it. */
  ackWaitMs?: number;
  /** Server-side redelivery delays for unacknowledged messages (overrides ackWait per delivery). */
  backoffMs?: number[];
  maxAckPending?: number;
}

/**
 * Creates a durable pull consumer shared by every worker process of one component, or updates its
 * configuration when it changed. Only settings NATS allows to change are compared.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  names: EventBusNames,
  options: ConsumerOptions,
): Promise<void> {
  // Servers before 2.10 only know a single filter_subject; use it whenever one is enough.
  const filter =
    options.filterSubjects.length === 1
      ? { filter_subject: options.filterSubjects[0] }
      : { filter_subjects: options.filterSubjects };
  const wanted: Partial<ConsumerConfig> = {
    ...filter,
    ack_wait: nanos(options.ackWaitMs ?? 30_000),
    max_deliver: options.maxDeliver,
    max_ack_pending: options.maxAckPending ?? 1000,
    ...(options.backoffMs ? { backoff: options.backoffMs.map((ms) => nanos(ms)) } : {}),
  };
  const current = await jsm.consumers.info(names.stream, options.durable).catch((error: unknown) => {
    if (isApiError(error, CONSUMER_NOT_FOUND)) return null;
    throw error;
  });
  if (current === null) {
    await jsm.consumers.add(names.stream, {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...wanted,
    });
    return;
  }
  if (sameConfig(current.config, wanted)) return;
  await jsm.consumers.update(names.stream, options.durable, {
    ...wanted,
    // An update must say what it drops, or the server keeps the old value.
    ...(options.backoffMs ? {} : { backoff: [] }),
  });
}

function sameConfig(current: object, wanted: object): boolean {
  const actual = current as Record<string, unknown>;
  return Object.entries(wanted).every(
    ([key, value]) => JSON.stringify(actual[key]) === JSON.stringify(value),
  );
}
