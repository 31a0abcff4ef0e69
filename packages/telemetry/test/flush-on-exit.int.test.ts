import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A real child process with the real OTLP/HTTP exporter and BatchSpanProcessor, and a fake collector
// that records every /v1/traces body: what a SIGTERM does to spans still waiting in the batch.
const fixture = fileURLToPath(new URL("./fixtures/sigterm-app.ts", import.meta.url));
let collector: Server;
let endpoint = "";
const bodies: { path: string; body: string }[] = [];

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      bodies.push({ path: req.url ?? "", body: Buffer.concat(chunks).toString("latin1") });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

async function runUntilSigterm(
  mode: string,
): Promise<{ code: number | null; signal: string | null; spans: boolean }> {
  bodies.length = 0;
  const child = spawn(process.execPath, [fixture, mode], {
    env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SDK_DISABLED: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`fixture exited early with ${code}`)));
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  child.kill("SIGTERM");
  const result = await exited;
  const spans = bodies.some(
    (entry) => entry.path === "/v1/traces" && entry.body.includes("batched before sigterm"),
  );
  return { ...result, spans };
}

describe("flushTelemetryOnExit", () => {
  it("exports spans still batched when a Next-like SIGTERM handler calls process.exit", async () => {
    expect(await runUntilSigterm("next-like")).toEqual({ code: 143, signal: null, spans: true });
  });

  it("loses them without the hook (so the test above can fail)", async () => {
    expect(await runUntilSigterm("no-hook")).toEqual({ code: 143, signal: null, spans: false });
  });

  it("flushes and exits by itself when nothing else handles the signal", async () => {
    expect(await runUntilSigterm("alone")).toEqual({ code: 143, signal: null, spans: true });
  });
});
