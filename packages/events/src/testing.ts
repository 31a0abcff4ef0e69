import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { freePort } from "@wallpaperdb/core/free-port";
import { busNames, type EventBusNames } from "./catalog.ts";
import { connectNats, type NatsConnection } from "./connect.ts";
import { loadEventsEnv } from "./env.ts";
import { ensureStream } from "./provision.ts";

export interface TestBus {
  names: EventBusNames;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Deletes the namespace's stream and closes the connection. */
  cleanup(): Promise<void>;
}

/** A unique namespace with a provisioned stream, so test files can share one NATS server. */
export async function createTestBus(options: { url?: string } = {}): Promise<TestBus> {
  const url = options.url ?? loadEventsEnv().NATS_URL;
  const names = busNames(`t${randomBytes(5).toString("hex")}`);
  const nc = await connectNats({ url, name: `test-${names.namespace}` });
  const jsm = await jetstreamManager(nc);
  await ensureStream(jsm, names, { maxAgeMs: 3600_000 });
  return {
    names,
    nc,
    js: jetstream(nc),
    jsm,
    async cleanup() {
      await jsm.streams.delete(names.stream).catch(() => false);
      await nc.close();
    },
  };
}

export interface TestNatsServer {
  url: string;
  port: number;
  /** Starts it again on the same port and store after stop() or kill(). */
  start(): Promise<void>;
  /** Graceful stop (SIGTERM), resolves once the process exited. */
  stop(): Promise<void>;
  /** Abrupt stop (SIGKILL), for crash tests. */
  kill(): Promise<void>;
  /** Stops it and deletes its store. */
  dispose(): Promise<void>;
}

const NATS_SERVER = "/usr/sbin/nats-server";

/** A private nats-server with JetStream, for fault tests that must not disturb the shared one. */
export async function startNatsServer(
  options: { binary?: string; port?: number; args?: readonly string[] } = {},
): Promise<TestNatsServer> {
  const port = options.port ?? (await freePort());
  const storeDir = await mkdtemp(join(tmpdir(), "wpdb-nats-"));
  let child: ChildProcess | null = null;
  const args = ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", storeDir, ...(options.args ?? [])];

  async function start(): Promise<void> {
    if (child) return;
    const proc = spawn(options.binary ?? NATS_SERVER, args, { stdio: ["ignore", "ignore", "pipe"] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${output}`)), 10_000);
      proc.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Server is ready")) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once("exit", (code) => {
        clearTimeout(timer);
        child = null;
        reject(new Error(`nats-server exited with ${code}:\n${output}`));
      });
    });
  }

  async function halt(signal: NodeJS.Signals): Promise<void> {
    const proc = child;
    if (!proc) return;
    child = null;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once("exit", () => resolve());
      proc.kill(signal);
    });
  }

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    start,
    stop: () => halt("SIGTERM"),
    kill: () => halt("SIGKILL"),
    async dispose() {
      await halt("SIGKILL");
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

export interface TestNatsCluster {
  /** Every node's client URL: what NATS_URL lists for a cluster. */
  urls: string[];
  /** The nodes by server name (n1, n2, …). */
  nodes: Map<string, TestNatsServer>;
  /** The server name of the stream's current leader (it moves when that node dies). */
  streamLeader(stream: string): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * A JetStream cluster of `size` nats-servers on loopback, routed to each other, resolved once its
 * JetStream meta leader is elected (before that, stream requests fail).
 */
export async function startNatsCluster(size = 3): Promise<TestNatsCluster> {
  const ports: { client: number; route: number }[] = [];
  for (let i = 0; i < size; i++) ports.push({ client: await freePort(), route: await freePort() });
  const clusterName = `wpdb${randomBytes(3).toString("hex")}`;
  const nodes = new Map<string, TestNatsServer>();
  await Promise.all(
    ports.map(async (own, i) => {
      const routes = ports.filter((other) => other !== own).map((other) => `nats://127.0.0.1:${other.route}`);
      // biome-ignore format: option pairs
      const args = [
        "--server_name", `n${i + 1}`, "--cluster_name", clusterName,
        "--cluster", `nats://127.0.0.1:${own.route}`, "--routes", routes.join(","),
      ];
      nodes.set(`n${i + 1}`, await startNatsServer({ port: own.client, args }));
    }),
  );
  const urls = ports.map((own) => `nats://127.0.0.1:${own.client}`);
  const nc = await connectNats({ url: urls, name: "test-cluster-probe" });
  // Not checked on creation: JetStream answers only once the cluster has elected its meta leader.
  const jsm = await jetstreamManager(nc, { checkAPI: false });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await jsm.getAccountInfo().then(
      () => true,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error("the NATS cluster elected no JetStream leader in 30 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    urls,
    nodes,
    async streamLeader(stream) {
      const info = await jsm.streams.info(stream);
      const leader = info.cluster?.leader;
      if (!leader) throw new Error(`stream ${stream} has no leader`);
      return leader;
    },
    async dispose() {
      await nc.close();
      await Promise.all([...nodes.values()].map((node) => node.dispose()));
    },
  };
}
