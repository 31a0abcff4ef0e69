import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

export type { JetStreamClient, JetStreamManager, NatsConnection };

/** The only place in the project that opens NATS connections. Reconnects forever once connected. */
export async function connectNats(options: { url: string; name: string }): Promise<NatsConnection> {
  return connect({
    servers: options.url,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
}

/** JetStream client and manager on an open connection, so apps need no direct @nats-io dependency. */
export async function jetStreamClients(
  nc: NatsConnection,
): Promise<{ js: JetStreamClient; jsm: JetStreamManager }> {
  return { js: jetstream(nc), jsm: await jetstreamManager(nc) };
}
