import { connect, createServer, type Socket } from "node:net";

export interface ForwardedRequest {
  /** Request line, e.g. `GET /api/trpc/progress.wallpaper?input=… HTTP/1.1`. */
  line: string;
  /** The Last-Event-ID header as the server received it. */
  lastEventId: string | null;
}

interface Link {
  client: Socket;
  upstream: Socket;
  /** Tracked SSE events (`id:` lines) that went through this connection. */
  events: number;
  lastEventId: string | null;
}

export interface StreamCutter {
  port: number;
  /** Every request that went through, in order, as the server received it. */
  requests: ForwardedRequest[];
  /** Tracked events delivered over all connections so far. */
  eventCount(): number;
  /** Connections that delivered at least one tracked event and are still open. */
  liveStreams(): Link[];
  /** Resets every live connection (TCP RST), as a dropped network would; returns the last event id each had delivered. */
  cut(): (string | null)[];
  close(): Promise<void>;
}

/**
 * A TCP forwarder in front of the web server for the progress subscription only (the spec rewrites those
 * requests to it with page.route). Chromium keeps an open EventSource through setOffline, so the test cuts
 * the real connection instead: the browser sees the stream fail mid-way, exactly like a network drop.
 */
export async function startStreamCutter(targetPort: number): Promise<StreamCutter> {
  const links = new Set<Link>();
  const requests: ForwardedRequest[] = [];
  let eventCount = 0;
  const server = createServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    const link: Link = { client, upstream, events: 0, lastEventId: null };
    links.add(link);
    upstream.on("data", (chunk: Buffer) => {
      for (const match of chunk.toString("utf8").matchAll(/^id: ?(.*)$/gm)) {
        link.events += 1;
        eventCount += 1;
        link.lastEventId = match[1] ?? null;
      }
    });
    client.on("data", (chunk: Buffer) => {
      const text = chunk.toString("latin1");
      const line = /^(GET|POST|HEAD|OPTIONS) \S+ HTTP\/1\.1/m.exec(text)?.[0];
      if (!line) return;
      const lastEventId = /^last-event-id: ?(.*?)\r?$/im.exec(text)?.[1] ?? null;
      requests.push({ line, lastEventId });
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on("error", drop);
      socket.on("close", drop);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("cutter has no port");
  const live = () => [...links].filter((link) => link.events > 0 && !link.client.destroyed);
  return {
    port: address.port,
    requests,
    eventCount: () => eventCount,
    liveStreams: live,
    cut() {
      const cut = live();
      for (const link of cut) {
        link.client.resetAndDestroy();
        link.upstream.destroy();
      }
      return cut.map((link) => link.lastEventId);
    },
    async close() {
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
