import { envField, parseEnv } from "@wallpaperdb/core/env";
import { z } from "zod";

const schema = z.object({
  // One server, or a cluster's servers separated by commas (any one of them up is enough to start).
  NATS_URL: envField.urlList(["nats", "tls", "ws", "wss"]).default(["nats://127.0.0.1:4222"]),
  EVENTS_NAMESPACE: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,30}$/, { message: "expected a short lower-case name like wpdb" })
    .default("wpdb"),
  // Stream replicas: 1 on one machine, 3 on a NATS cluster.
  NATS_STREAM_REPLICAS: envField.positiveInt().default(1),
});

export type EventsEnv = z.infer<typeof schema>;

export function loadEventsEnv(source: Record<string, string | undefined> = process.env): EventsEnv {
  return parseEnv(schema, source);
}
