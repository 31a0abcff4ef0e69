import { z } from "zod";

/**
 * Every event the system publishes, by versioned type. A breaking change gets a new version (`.v2`)
 * published beside the old one until every consumer has moved.
 */
export const eventCatalog = {
  "wallpaper.uploaded.v1": z.object({
    wallpaperId: z.uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    mediaType: z.enum(["image", "video"]),
    mimeType: z.string(),
    originalKey: z.string(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  // Processing pipeline (apps/workers): every step-state change, for live progress in the UI.
  "wallpaper.progress.v1": z.object({
    wallpaperId: z.uuid(),
    step: z.string().min(1),
    state: z.enum(["pending", "running", "done", "failed", "skipped"]),
    error: z.string().max(2000).optional(),
    attempts: z.number().int().min(0),
    at: z.iso.datetime({ offset: true }),
  }),
  // A video's poster frame is stored: the image steps run on it as if it were the original.
  "wallpaper.poster.ready.v1": z.object({
    wallpaperId: z.uuid(),
    posterKey: z.string(),
  }),
  // Variants and the decoded analysis are stored: quality and color read the small analysis blob.
  "wallpaper.variants.ready.v1": z.object({
    wallpaperId: z.uuid(),
    analysisKey: z.string(),
  }),
  // Every step the wallpaper needs is done; emitted once per wallpaper.
  "wallpaper.processed.v1": z.object({
    wallpaperId: z.uuid(),
    processedAt: z.iso.datetime({ offset: true }),
  }),
  // What a wallpaper is found by changed after processing: its tags (any source: edits, bulk tagging,
  // merges, implications, auto tags), its moderation state, or it was deleted. The search index worker
  // re-reads each one and indexes it, or removes it when it is no longer visible (or no longer there).
  // Bulk changes are split into batches of at most CHANGED_BATCH ids, each its own event.
  "wallpaper.changed.v1": z.object({
    wallpaperIds: z.array(z.uuid()).min(1).max(500),
    change: z.enum(["tags", "moderation", "deleted", "uploader", "purity"]),
  }),
  // A wallpaper and its rows are gone: the blob-cleanup worker deletes its files (the original, whose key
  // is content-addressed, only while no wallpaper with the same sha256 has been uploaded since).
  "wallpaper.deleted.v1": z.object({
    wallpaperId: z.uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    originalKey: z.string(),
  }),
} as const;

/** The most wallpaper ids one `wallpaper.changed.v1` carries. */
export const CHANGED_BATCH = 500;

export type EventType = keyof typeof eventCatalog;
export type EventPayload<T extends EventType> = z.infer<(typeof eventCatalog)[T]>;

/**
 * Streams and subjects live under a namespace (EVENTS_NAMESPACE, default "wpdb") so that tests and
 * several deployments can share one NATS server without seeing each other's events.
 */
export interface EventBusNames {
  namespace: string;
  stream: string;
}

export function busNames(namespace: string): EventBusNames {
  return { namespace, stream: `${namespace.toUpperCase()}_EVENTS` };
}

export function subjectFor(namespace: string, type: EventType): string {
  return `${namespace}.${type}`;
}

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventCatalog, value);
}

/** What travels on the wire: the payload plus identity and time, so consumers can log and dedupe. */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  occurredAt: string;
  data: EventPayload<T>;
}
