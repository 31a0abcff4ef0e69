// Starts the built web app (`pnpm --filter @wallpaperdb/web build` first) on a free port with a fresh
// database, event namespace, blob folder and upload folder, so a run never sees another run's data.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@wallpaperdb/core/free-port";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const webDir = join(repoRoot, "apps/web");

export interface RunningWebApp {
  baseUrl: string;
  pid: number;
  database: TestDatabase;
  blobDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`web app exited with ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`web app not healthy after ${timeoutMs} ms`);
}

/**
 * Builds the web app through turbo (a cache hit when nothing changed, and the same cache entry the
 * e2e tier uses). If turbo cannot run but a build exists, that build is used rather than failing.
 */
export function ensureWebBuild(): void {
  try {
    // Test files run in parallel; two builds writing the same .next folder would corrupt each other.
    mkdirSync(join(repoRoot, ".cache"), { recursive: true });
    const build = [
      "pnpm",
      "turbo",
      "run",
      "build",
      "--filter",
      "@wallpaperdb/web",
      "--output-logs=errors-only",
    ];
    execFileSync("flock", [join(repoRoot, ".cache/web-build.lock"), ...build], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    if (!existsSync(join(webDir, ".next/BUILD_ID"))) throw error;
    process.stderr.write("turbo build failed; using the existing apps/web build\n");
  }
}

export interface WebAppOptions {
  env?: Record<string, string>;
  /**
   * What several web processes of one deployment share: the database, the folder with the blobs and
   * tus uploads, and the event namespace. Given, it is the caller's to clean up.
   */
  shared?: { database: TestDatabase; scratch: string; namespace: string };
}

export async function startWebApp(options: WebAppOptions = {}): Promise<RunningWebApp> {
  if (!existsSync(join(webDir, ".next/BUILD_ID"))) {
    throw new Error("apps/web has no production build: run `pnpm --filter @wallpaperdb/web build` first");
  }
  const owned = !options.shared;
  const database = options.shared?.database ?? (await createTestDatabase("wpdb_cli"));
  const scratch = options.shared?.scratch ?? (await mkdtemp(join(tmpdir(), "wpdb-web-")));
  const namespace = options.shared?.namespace ?? `wpdb_t${randomBytes(4).toString("hex")}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const blobDir = join(scratch, "blobs");
  const child = spawn(
    join(webDir, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: webDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        EVENTS_NAMESPACE: namespace,
        BLOB_STORE: "local",
        BLOB_DIR: blobDir,
        BLOB_SIGNING_SECRET: "test-only-signing-secret-0123456789",
        UPLOAD_DIR: join(scratch, "uploads"),
        PUBLIC_BASE_URL: baseUrl,
        PORT: String(port),
        LOG_LEVEL: "warn",
        // These tests import folders without an account; uploads need one by default.
        ALLOW_ANONYMOUS_UPLOADS: "true",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    if (!owned) return;
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${baseUrl}/api/health`, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
  return { baseUrl, pid: child.pid ?? -1, database, blobDir, output: () => output, stop };
}
