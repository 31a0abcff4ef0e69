import { jetStreamClients, type NatsConnection } from "@wallpaperdb/events/connect";
import type { BlobStore } from "@wallpaperdb/storage";

export type CheckName = "postgres" | "nats" | "jetstream" | "blob_store";

export interface CheckResult {
  name: CheckName;
  label: string;
  ok: boolean;
  latencyMs: number;
  /** What was found when ok, or why it failed. */
  detail: string;
}

export interface Readiness {
  ok: boolean;
  checks: CheckResult[];
}

/**
 * What the checks reach, passed in by the host (server/deps.ts). Getters, not handles: a dependency
 * that cannot even be created (a bad blob store setting, a refused connection) is a failed check.
 */
export interface ReadinessTargets {
  timeoutMs: number;
  /** The JetStream stream the events travel on. */
  stream: string;
  sql: () => (query: TemplateStringsArray) => PromiseLike<unknown>;
  nats: () => Promise<NatsConnection>;
  blobStore: () => Pick<BlobStore, "kind" | "ping">;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

async function runCheck(
  name: CheckName,
  label: string,
  timeoutMs: number,
  probe: () => Promise<string>,
): Promise<CheckResult> {
  const started = performance.now();
  try {
    const detail = await withTimeout(probe(), timeoutMs, label);
    return { name, label, ok: true, latencyMs: Math.round(performance.now() - started), detail };
  } catch (error) {
    return {
      name,
      label,
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      detail: reason(error),
    };
  }
}

async function checkPostgres(targets: ReadinessTargets): Promise<string> {
  await targets.sql()`select 1`;
  return "select 1 answered";
}

async function checkNats(targets: ReadinessTargets): Promise<string> {
  const rtt = await (await targets.nats()).rtt();
  return `round trip ${Math.round(rtt)} ms`;
}

async function checkJetStream(targets: ReadinessTargets): Promise<string> {
  const { stream } = targets;
  const { jsm } = await jetStreamClients(await targets.nats());
  const info = await jsm.streams.info(stream).catch((error: unknown) => {
    throw new Error(`stream ${stream} is not available: ${reason(error)}`);
  });
  const count = info.state.messages;
  return `stream ${stream} holds ${count} ${count === 1 ? "message" : "messages"}`;
}

async function checkBlobStore(targets: ReadinessTargets): Promise<string> {
  const store = targets.blobStore();
  await store.ping();
  return `${store.kind} store reachable`;
}

/** Every dependency at once, each bounded by targets.timeoutMs, so one hang cannot stall the rest. */
export async function checkReadiness(targets: ReadinessTargets): Promise<Readiness> {
  const run = (name: CheckName, label: string, probe: (targets: ReadinessTargets) => Promise<string>) =>
    runCheck(name, label, targets.timeoutMs, () => probe(targets));
  const checks = await Promise.all([
    run("postgres", "PostgreSQL", checkPostgres),
    run("nats", "NATS", checkNats),
    run("jetstream", "JetStream events stream", checkJetStream),
    run("blob_store", "Blob store", checkBlobStore),
  ]);
  return { ok: checks.every((check) => check.ok), checks };
}
