import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { enqueueEvent } from "@wallpaperdb/events/outbox";
import { createTestBus, type TestBus } from "@wallpaperdb/events/testing";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WORKER_MALLOC_ENV, WORKER_NODE_FLAGS } from "../src/process-settings.ts";

const mainPath = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const blobSigningSecret = "main-test-signing-secret-0123456789abcdef";
let database: TestDatabase;
let bus: TestBus;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  bus = await createTestBus();
  dataDir = await mkdtemp(join(tmpdir(), "wpdb-main-"));
});

afterAll(async () => {
  await bus?.cleanup();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Worker {
  child: ChildProcess;
  output: () => string;
  logLine: (msg: string, timeoutMs?: number) => Promise<Record<string, unknown>>;
}

function startWorker(extraEnv: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, mainPath], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATABASE_URL: database.url,
      NATS_URL: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
      EVENTS_NAMESPACE: bus.names.namespace,
      WORKERS_HEALTH_PORT: "0",
      WORKER_ID: "child-worker",
      BLOB_STORE: "local",
      BLOB_DIR: join(dataDir, "blobs"),
      BLOB_SIGNING_SECRET: blobSigningSecret,
      UPLOAD_DIR: join(dataDir, "uploads"),
      ...WORKER_MALLOC_ENV,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  // Start-up imports take several seconds on a loaded two-core machine.
  async function logLine(msg: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const line of text.split("\n")) {
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (entry.msg === msg) return entry;
      }
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${msg}" log line:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { child, output: () => text, logLine };
}

it("handles an event, reports ready, and exits 0 soon after SIGTERM", async () => {
  const worker = startWorker();
  try {
    const { port } = await worker.logLine("health server listening");
    await worker.logLine("workers started");
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { postgres: "ok", nats: "ok" } });

    // A deleted wallpaper's original in the child's blob store: its relay and blob-cleanup remove it.
    const blobStore = createLocalBlobStore({
      root: join(dataDir, "blobs"),
      publicBaseUrl: "http://127.0.0.1:3000",
      signingSecret: blobSigningSecret,
    });
    const sha256 = randomBytes(32).toString("hex");
    const originalKey = `originals/${sha256.slice(0, 2)}/${sha256}`;
    await blobStore.put(originalKey, Buffer.from("bytes of a deleted wallpaper"));
    await enqueueEvent(database.db, "wallpaper.deleted.v1", {
      wallpaperId: randomUUID(),
      sha256,
      originalKey,
    });
    const deadline = Date.now() + 10_000;
    while (await blobStore.head(originalKey)) {
      if (Date.now() > deadline) throw new Error(`event not handled:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const stoppedAt = Date.now();
    const exited = once(worker.child, "exit");
    worker.child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(worker.output()).toContain('"msg":"stopped"');
  } finally {
    if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
  }
});

it("refuses to start with an unknown component name", async () => {
  const worker = startWorker({ WORKERS: "relay,colour" });
  const [code] = await once(worker.child, "exit");
  expect(code).toBe(1);
  expect(worker.output()).toContain("WORKERS names unknown component(s): colour");
  expect(worker.output()).toMatch(/Valid components: relay, reconcile, .*poster, variants/u);
});
