/**
 * `pnpm bench:media`: throughput of a cached variant through the real media handler
 * (`handleMediaRequest`, the code behind `/media/<id>/…`, mounted in a plain node:http server with a
 * Request/Response adapter like Next's) beside a static file server (node:http + fs.createReadStream)
 * serving the very same blob file, in the same run, on 127.0.0.1. Both servers live in one child
 * process, so they share its event loop and CPU; this process only drives bounded request loops.
 * Creates a fresh database and a temporary blob folder and removes both at the end.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { Agent, createServer, get, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createLogger } from "@wallpaperdb/core/logger";
import { createTestDatabase } from "@wallpaperdb/db/testing";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { handleMediaRequest } from "../src/index.ts";
import { seedWallpaper } from "../test/seed-wallpaper.ts";

const CONCURRENCY = 8;
const WARMUP = 50;
const MAX_REQUESTS = 4_000;
// Each measured round stops after this long; two rounds per server, interleaved, so drift in the
// machine's load (other engineers share the cores) hits both servers alike.
const ROUND_MS = 4_000;
const ROUNDS = 2;

const out = (line = "") => process.stdout.write(`${line}\n`);
const load = () =>
  `load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} on ${cpus().length} cores`;
const corpusImage = join(
  import.meta.dirname,
  "../../../.cache/corpus/mate-backgrounds/usr/share/backgrounds/mate/nature/Garden.jpg",
);

interface ServeMessage {
  mediaPort: number;
  staticPort: number;
  mediaPath: string;
  bytes: number;
}

/** Child: seed one wallpaper, start both servers, report their ports, serve until told to stop. */
async function serve(): Promise<void> {
  const database = await createTestDatabase("wpdb_bench_media");
  const blobDir = await mkdtemp(join(tmpdir(), "wpdb-bench-media-"));
  const blobStore = createLocalBlobStore({
    root: blobDir,
    publicBaseUrl: "http://127.0.0.1",
    signingSecret: "b".repeat(32),
  });
  const logger = createLogger("bench-media", "silent");
  const wallpaper = await seedWallpaper(database.db, blobStore, corpusImage);
  const variant = wallpaper.variants.find((v) => v.kind === "preview" && v.format === "jpeg");
  if (!variant) throw new Error("the seeded wallpaper has no preview.jpeg");
  const mediaPath = `/media/${wallpaper.id}/preview.jpeg?v=${variant.contentHash}`;
  // The local blob store keeps each object as a plain file under objects/<key>.
  const file = join(blobDir, "objects", `variants/${wallpaper.id}/preview.jpeg`);
  const { size } = await stat(file);

  const media = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, , id = "", ...rest] = url.pathname.split("/");
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const response = await handleMediaRequest(
      { db: database.db, blobStore, logger },
      new Request(url, { headers, method: req.method }),
      id,
      rest,
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), res);
  });
  const files = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "image/jpeg", "content-length": size });
    createReadStream(file).pipe(res);
  });
  for (const server of [media, files]) {
    server.keepAliveTimeout = 30_000;
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
  }
  const port = (server: typeof media) => (server.address() as AddressInfo).port;
  process.send?.({
    mediaPort: port(media),
    staticPort: port(files),
    mediaPath,
    bytes: size,
  } satisfies ServeMessage);
  await once(process, "disconnect");
  media.close();
  files.close();
  await database.drop();
  await rm(blobDir, { recursive: true, force: true });
  process.exit(0);
}

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function fetchOnce(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path, agent }, (res) => {
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
      });
      res.on("end", () =>
        res.statusCode === 200 ? resolve(received) : reject(new Error(`${res.statusCode}`)),
      );
      res.on("error", reject);
    }).on("error", reject);
  });
}

interface Round {
  latencies: number[];
  elapsedMs: number;
  bytes: number;
}

/** CONCURRENCY loops, each one request at a time, until the request or time budget runs out. */
async function round(port: number, path: string, budget: number): Promise<Round> {
  const latencies: number[] = [];
  let bytes = 0;
  let issued = 0;
  const start = performance.now();
  const deadline = start + ROUND_MS;
  const loop = async () => {
    while (issued < budget && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      const received = await fetchOnce(port, path);
      latencies.push(performance.now() - t0);
      // Not `bytes += await …`: that reads `bytes` before the await and loses the other loops' sums.
      bytes += received;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return { latencies, elapsedMs: performance.now() - start, bytes };
}

function summarize(rounds: Round[]) {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsed = rounds.reduce((sum, r) => sum + r.elapsedMs, 0) / 1000;
  const bytes = rounds.reduce((sum, r) => sum + r.bytes, 0);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    n: latencies.length,
    rps: latencies.length / elapsed,
    mbps: bytes / elapsed / 1e6,
    p50: at(0.5),
    p95: at(0.95),
  };
}

async function drive(): Promise<void> {
  out(`bench:media; ${load()}`);
  const child = fork(import.meta.filename, ["serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [info] = (await once(child, "message")) as [ServeMessage];
  try {
    out(`serving a ${(info.bytes / 1024).toFixed(0)} KiB preview.jpeg (${info.mediaPath.split("?")[0]})`);
    const servers = [
      { name: "media handler (node:http + handleMediaRequest)", port: info.mediaPort, path: info.mediaPath },
      { name: "static file (node:http + fs.createReadStream)", port: info.staticPort, path: "/file.jpg" },
    ];
    for (const server of servers) {
      // Both must answer 200 with the whole file, or the comparison means nothing.
      const first = await fetchOnce(server.port, server.path);
      if (first !== info.bytes) throw new Error(`${server.name} sent ${first} bytes, not ${info.bytes}`);
      for (let i = 1; i < WARMUP; i++) await fetchOnce(server.port, server.path);
    }
    const rounds = new Map<string, Round[]>(servers.map((server) => [server.name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const server of servers) {
        const result = await round(server.port, server.path, MAX_REQUESTS / ROUNDS);
        rounds.get(server.name)?.push(result);
        out(`  round ${r + 1}, ${server.name}: ${result.latencies.length} requests (${load()})`);
      }
    }
    const [media, files] = servers.map((server) => summarize(rounds.get(server.name) ?? []));
    if (!media || !files) throw new Error("no results");
    out();
    out(
      `${CONCURRENCY} concurrent keep-alive connections, up to ${ROUNDS} × ${ROUND_MS / 1000} s per server, times in ms`,
    );
    out(`machine: ${load()} (other work shares these cores)`);
    const header = ["server", "n", "req/s", "MB/s", "p50", "p95"];
    const rows = servers.map((server, i) => {
      const s = i === 0 ? media : files;
      return [
        server.name,
        String(s.n),
        s.rps.toFixed(0),
        s.mbps.toFixed(1),
        s.p50.toFixed(2),
        s.p95.toFixed(2),
      ];
    });
    const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => (row[col] ?? "").length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
        .join("  ");
    out(line(header));
    out(widths.map((w) => "-".repeat(w)).join("  "));
    for (const row of rows) out(line(row));
    out();
    out(
      `media handler / static file: ${(media.rps / files.rps).toFixed(2)}× the requests/s, ` +
        `p95 ${(media.p95 / files.p95).toFixed(2)}× the latency`,
    );
    out(
      "The handler adds a cached lookup (one PostgreSQL query per URL per second), Request/Response web streams and the blob store's open per request.",
    );
  } finally {
    agent.destroy();
    child.disconnect();
    await once(child, "exit");
  }
}

if (process.argv[2] === "serve") await serve();
else await drive();
