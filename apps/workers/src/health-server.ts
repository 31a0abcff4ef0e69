import { createServer, type Server } from "node:http";
import type { Logger } from "@wallpaperdb/core/logger";

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export type ReadinessCheck = () => Promise<void>;

/**
 * /healthz answers while the process is alive (for restarts); /readyz runs the dependency checks (for
 * routing and rollouts), with a timeout so a hung dependency reads as "not ready" instead of hanging.
 */
export async function startHealthServer(options: {
  port: number;
  checks: Record<string, ReadinessCheck>;
  isShuttingDown: () => boolean;
  logger: Logger;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET") return reply(405, { error: "method not allowed" });
    if (req.url === "/healthz") return reply(200, { status: "ok" });
    if (req.url !== "/readyz") return reply(404, { error: "not found" });
    if (options.isShuttingDown()) return reply(503, { status: "shutting down" });
    void runChecks(options.checks).then((results) => {
      const ready = Object.values(results).every((result) => result === "ok");
      reply(ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks: results });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : options.port;
  options.logger.info({ port }, "health server listening");
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function runChecks(checks: Record<string, ReadinessCheck>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error("timed out")), 2000);
          }),
        ]);
        return [name, "ok"] as const;
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}
