import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eEnv } from "./support/env.ts";

// An operator's mistake stops the deployed web app at start-up, with a message naming each bad
// setting, instead of a server that answers every route (readiness included) with a generic 500.
test("the web app refuses to start on a bad setting and names it", async () => {
  test.setTimeout(60_000);
  const port = e2eEnv.webPort + 50;
  const server = spawn("pnpm", ["--filter", "@wallpaperdb/web", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      PUBLIC_BASE_URL: "wallpapers.example",
      NATS_URL: "http://127.0.0.1:4222",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  try {
    const code = await new Promise<number | null>((resolve) => server.on("exit", resolve));
    expect(code, output).not.toBe(0);
    expect(output).toContain("Invalid configuration");
    expect(output).toContain(
      'PUBLIC_BASE_URL: expected a URL starting with http:// or https:// (got "wallpapers.example")',
    );
    expect(output).toContain("NATS_URL: expected a URL starting with nats://");
    // Every problem at once, not only the first.
    expect(output).toContain("BLOB_SIGNING_SECRET");
  } finally {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGKILL");
  }
});
