import { busNames } from "@wallpaperdb/events";
import { jetStreamClients } from "@wallpaperdb/events/connect";
import { webEnv } from "~/env.ts";
import { getBlobStore, getDb, getNats } from "./deps.ts";

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

async function runCheck(name: CheckName, label: string, probe: () => Promise<string>): Promise<CheckResult> {
  const started = performance.now();
  const timeoutMs = webEnv().READY_CHECK_TIMEOUT_MS;
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

async function checkPostgres(): Promise<string> {
  await getDb().sql`select 1`;
  return "select 1 answered";
}

async function checkNats(): Promise<string> {
  const nats = await getNats();
  const rtt = await nats.rtt();
  return `round trip ${Math.round(rtt)} ms`;
}

async function checkJetStream(): Promise<string> {
  const { stream } = busNames(webEnv().EVENTS_NAMESPACE);
  const { jsm } = await jetStreamClients(await getNats());
  const info = await jsm.streams.info(stream).catch((error: unknown) => {
    throw new Error(`stream ${stream} is not available: ${reason(error)}`);
  });
  const count = info.state.messages;
  return `stream ${stream} holds ${count} ${count === 1 ? "message" : "messages"}`;
}

async function checkBlobStore(): Promise<string> {
  const store = getBlobStore();
  await store.ping();
  return `${store.kind} store reachable`;
}

/** Every dependency at once, each bounded by READY_CHECK_TIMEOUT_MS, so one hang cannot stall the rest. */
export async function checkReadiness(): Promise<Readiness> {
  const checks = await Promise.all([
    runCheck("postgres", "PostgreSQL", checkPostgres),
    runCheck("nats", "NATS", checkNats),
    runCheck("jetstream", "JetStream events stream", checkJetStream),
    runCheck("blob_store", "Blob store", checkBlobStore),
  ]);
  return { ok: checks.every((check) => check.ok), checks };
}
