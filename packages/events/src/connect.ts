import { connect, type NatsConnection } from "@nats-io/transport-node";

export type { NatsConnection };

/** The only place in the project that opens NATS connections. Reconnects forever once connected. */
export async function connectNats(options: { url: string; name: string }): Promise<NatsConnection> {
  return connect({
    servers: options.url,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
}
