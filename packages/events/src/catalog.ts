import { z } from "zod";

/**
 * Every event the system publishes, by versioned type. A breaking change gets a new version (`.v2`)
 * published beside the old one until every consumer has moved.
 */
export const eventCatalog = {
  "system.ping.v1": z.object({
    pingId: z.uuid(),
    message: z.string().max(200),
  }),
  "wallpaper.uploaded.v1": z.object({
    wallpaperId: z.uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    mediaType: z.enum(["image", "video"]),
    mimeType: z.string(),
    originalKey: z.string(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
} as const;

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
