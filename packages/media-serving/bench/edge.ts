/**
 * `pnpm bench:media`: a public thumbnail requested as a browser requests it, in the deployment shape the
 * project documents (deploy/nginx: nginx in front of `next start`, caching the immutable media answers),
 * beside nginx serving the very same stored file from disk, and beside `next start` alone, all measured
 * with wrk in one run, interleaved. The target: the deployed shape serves at least 0.5x nginx's
 * requests/s. Needs the web app's production build (built through turbo when missing) and nginx + wrk
 * (installed from Debian by scripts/bench-tools.sh when missing). Everything it creates is removed.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "@wallpaperdb/core/free-port";
import { createLocalBlobStore } from "@wallpaperdb/storage/local";
import { ensureWebBuild, repoRoot, startWebApp } from "../../../apps/cli/test/web-app.ts";
import { PIPELINE_FORMATS, seedWallpaper } from "../test/seed-wallpaper.ts";

const SECONDS = 5;
const ROUNDS = 2;
const CONNECTIONS = 32;
const TARGET = 0.5;
// What Chromium sends for an <img> on the gallery page.
const BROWSER_HEADERS = [
  "Accept: image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",
  "Accept-Encoding: gzip, deflate, br, zstd",
  "Accept-Language: en-US,en;q=0.9",
  "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  "Sec-Fetch-Dest: image",
  "Sec-Fetch-Mode: no-cors",
  "Sec-Fetch-Site: same-origin",
];

const out = (line = "") => process.stdout.write(`${line}\n`);
const load = () =>
  `load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")} on ${cpus().length} cores`;

/** deploy/nginx's template with this run's values, the same `${VAR}` substitution the nginx image does. */
async function renderEdge(values: Record<string, string>): Promise<string> {
  const template = await readFile(join(repoRoot, "deploy/nginx/templates/default.conf.template"), "utf8");
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

interface WrkResult {
  rps: number;
  p50: string;
  p99: string;
  errors: string | null;
}

function wrk(url: string): WrkResult {
  const args = ["-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency"];
  for (const header of BROWSER_HEADERS) args.push("-H", header);
  const output = execFileSync("wrk", [...args, url], { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN);
  const p50 = /\s50%\s+(\S+)/.exec(output)?.[1] ?? "?";
  const p99 = /\s99%\s+(\S+)/.exec(output)?.[1] ?? "?";
  const errors = /(Non-2xx or 3xx responses: \d+|Socket errors:.*)/.exec(output)?.[1] ?? null;
  return { rps, p50, p99, errors };
}

async function main(): Promise<void> {
  execFileSync("bash", [join(repoRoot, "scripts/bench-tools.sh")], { stdio: "inherit" });
  ensureWebBuild();
  out(`bench:media; ${load()}`);
  const app = await startWebApp();
  const scratch = join(tmpdir(), `wpdb-bench-edge-${process.pid}`);
  let nginx: ReturnType<typeof spawn> | null = null;
  try {
    // The web app's own blob folder: what it serves, nginx's static server serves too.
    const blobStore = createLocalBlobStore({
      root: app.blobDir,
      publicBaseUrl: app.baseUrl,
      signingSecret: "test-only-signing-secret-0123456789",
    });
    const corpusImage = join(
      repoRoot,
      ".cache/corpus/mate-backgrounds/usr/share/backgrounds/mate/nature/Garden.jpg",
    );
    const wallpaper = await seedWallpaper(app.database.db, blobStore, corpusImage, {
      formats: PIPELINE_FORMATS,
    });
    const thumb = wallpaper.variants.find((v) => v.kind === "thumb" && v.format === "avif");
    if (!thumb) throw new Error("the seeded wallpaper has no thumb.avif");
    // The URL a gallery tile carries (variantUrl in packages/wallpapers).
    const mediaPath = `/media/${wallpaper.id}/thumb.avif?v=${thumb.contentHash}`;
    const fileKey = `variants/${wallpaper.id}/thumb.avif`;
    const { size } = await stat(join(app.blobDir, "objects", fileKey));

    const [edgePort, staticPort] = [await freePort(), await freePort()];
    await mkdir(join(scratch, "cache"), { recursive: true });
    const edge = await renderEdge({
      WEB_UPSTREAM: new URL(app.baseUrl).host,
      MEDIA_CACHE_DIR: join(scratch, "cache"),
      MEDIA_CACHE_SIZE: "1g",
      EDGE_PORT: String(edgePort),
    });
    const temp = (name: string) => `${name}_temp_path ${join(scratch, name)};`;
    const conf = [
      "daemon off;",
      "worker_processes auto;",
      // Root would hand the workers to nobody, who cannot read the app's private blob folder.
      userInfo().uid === 0 ? "user root;" : "",
      `pid ${join(scratch, "nginx.pid")};`,
      `error_log ${join(scratch, "error.log")} warn;`,
      "events { worker_connections 4096; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  access_log off;",
      "  sendfile on;",
      "  tcp_nopush on;",
      "  keepalive_requests 1000000;",
      `  ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join("\n  ")}`,
      edge,
      // The baseline: the same stored file, straight from disk.
      `  server { listen ${staticPort}; location / { root ${join(app.blobDir, "objects")}; } }`,
      "}",
    ].join("\n");
    await writeFile(join(scratch, "nginx.conf"), conf);
    nginx = spawn("nginx", ["-c", join(scratch, "nginx.conf"), "-p", scratch], { stdio: "inherit" });
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${staticPort}/`).then(
        () => true,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const targets = [
      {
        name: "deployed: browser → nginx edge (media cache) → next start",
        url: `http://127.0.0.1:${edgePort}${mediaPath}`,
      },
      { name: "nginx static file (the same stored file)", url: `http://127.0.0.1:${staticPort}/${fileKey}` },
      { name: "next start alone (no edge)", url: `${app.baseUrl}${mediaPath}` },
    ];
    // Every target answers 200 with the whole file; the edge's second answer comes from its cache.
    for (const target of targets) {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(target.url, { headers: { accept: "image/avif,image/webp,*/*" } });
        const body = await response.arrayBuffer();
        if (response.status !== 200 || body.byteLength !== size)
          throw new Error(`${target.name}: ${response.status}, ${body.byteLength} bytes, not ${size}`);
        if (i === 1 && target === targets[0] && response.headers.get("x-cache-status") !== "HIT")
          throw new Error(`the edge did not cache the thumbnail (${response.headers.get("x-cache-status")})`);
      }
    }
    out(
      `a ${(size / 1024).toFixed(1)} KiB thumb.avif, ${CONNECTIONS} connections, wrk -t2, ${ROUNDS} × ${SECONDS} s each, interleaved`,
    );
    const results = new Map<string, WrkResult[]>(targets.map((target) => [target.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const result = wrk(target.url);
        results.get(target.name)?.push(result);
        out(`  round ${round + 1}, ${target.name}: ${result.rps.toFixed(0)} req/s (${load()})`);
        if (result.errors) throw new Error(`${target.name}: ${result.errors}`);
      }
    }
    const mean = (name: string) => {
      const rounds = results.get(name) ?? [];
      return rounds.reduce((sum, r) => sum + r.rps, 0) / rounds.length;
    };
    out();
    const width = Math.max(...targets.map((target) => target.name.length));
    out(`${"server".padEnd(width)}  ${"req/s".padStart(8)}  ${"p50".padStart(8)}  ${"p99".padStart(8)}`);
    for (const target of targets) {
      const last = results.get(target.name)?.at(-1);
      out(
        `${target.name.padEnd(width)}  ${mean(target.name).toFixed(0).padStart(8)}  ${(last?.p50 ?? "").padStart(8)}  ${(last?.p99 ?? "").padStart(8)}`,
      );
    }
    const [deployed, baseline, alone] = targets.map((target) => mean(target.name));
    const ratio = (deployed ?? 0) / (baseline ?? 1);
    out();
    out(
      `deployed / nginx static: ${ratio.toFixed(2)}x the requests/s (target ≥ ${TARGET}x: ${ratio >= TARGET ? "met" : "MISSED"})`,
    );
    out(`next start alone / nginx static: ${((alone ?? 0) / (baseline ?? 1)).toFixed(3)}x`);
    out(`machine: ${load()} (wrk, nginx and the app share these cores)`);
    if (ratio < TARGET) process.exitCode = 1;
  } finally {
    if (nginx && nginx.exitCode === null) {
      nginx.kill("SIGQUIT");
      await new Promise((resolve) => nginx?.once("exit", resolve));
    }
    await app.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
