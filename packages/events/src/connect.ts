import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";

export type { JetStreamClient, JetStreamManager, NatsConnection };

/** The only place in the project that opens NATS connections. Reconnects forever once connected. */
export async function connectNats(options: {
  /** one server, or a cluster's servers (NATS_URL parsed by events/env) */
  url: string | readonly string[];
  name: string;
}): Promise<NatsConnection> {
  return connect({
    servers: typeof options.url === "string" ? options.url : [...options.url],
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
