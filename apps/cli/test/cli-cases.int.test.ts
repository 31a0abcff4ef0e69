// The CLI as a new user meets it (issue #19): a server that wants an account, a folder with a broken
// link and documents in it, a wrong URL, `login`, `--json`, `logout`. Every case runs the real CLI
// against the real (built) app.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { createWallpaperClient, rateLimitOf, signInForApiKey, uploadFile } from "@wallpaperdb/client";
import { freePort } from "@wallpaperdb/core/free-port";
import { wallpapers } from "@wallpaperdb/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../src/json-report.ts";
import { corpusFiles } from "./corpus.ts";
import { ensureWebBuild, type RunningWebApp, repoRoot, startWebApp } from "./web-app.ts";

const execute = promisify(execFile);
const cli = join(repoRoot, "apps/cli/src/main.ts");
const owner = { name: "Cli Owner", email: "cli-owner@example.test", password: "a long enough passphrase" };
const busy = { name: "Busy Script", email: "busy@example.test", password: "another long passphrase" };

let app: RunningWebApp;
let scratch: string;
let folder: string;
/** $XDG_CONFIG_HOME of the user who logs in; `nobody` has none. */
let config: string;
let nobody: string;
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

async function wallpaperdb(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  // Nothing from the engineer's own shell or login may leak into a case.
  const base = { ...process.env, NO_COLOR: "1", WALLPAPERDB_API_KEY: "", WALLPAPERDB_URL: "" };
  try {
    const { stdout, stderr } = await execute(process.execPath, [cli, ...args], { env: { ...base, ...env } });
    return { code: 0, stdout, stderr, ms: Date.now() - started };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, ms: Date.now() - started };
  }
}

beforeAll(async () => {
  ensureWebBuild();
  // A low upload limit (per account) so the rate-limit case is reached in a few calls.
  app = await startWebApp({ env: { ALLOW_ANONYMOUS_UPLOADS: "false", UPLOAD_RATE_LIMIT_PER_MINUTE: "8" } });
  for (const account of [owner, busy]) {
    const signedUp = await fetch(`${app.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.baseUrl },
      body: JSON.stringify(account),
    });
    if (!signedUp.ok) throw new Error(`sign-up failed: ${signedUp.status} ${await signedUp.text()}`);
  }

  scratch = await mkdtemp(join(tmpdir(), "wpdb-cli-cases-"));
  folder = join(scratch, "walls");
  config = join(scratch, "config");
  nobody = join(scratch, "nobody");
  await Promise.all([folder, config, nobody].map((dir) => execute("mkdir", ["-p", dir])));
  const picked = corpusFiles()
    .filter((file) => file.size < 900_000)
    .filter((file, i, all) => all.findIndex((other) => basename(other.path) === basename(file.path)) === i)
    .slice(0, 3);
  for (const file of picked) await copyFile(file.path, join(folder, basename(file.path)));
  await symlink(join(scratch, "moved-away.jpg"), join(folder, "broken-link.jpg"));
  await writeFile(join(folder, "notes.txt"), "not a wallpaper");
  await writeFile(join(folder, "scan.pdf"), "%PDF-1.4\n");
  await writeFile(join(folder, "not-really.jpg"), "<!doctype html><p>a saved web page</p>");
}, 300_000);

afterAll(async () => {
  await app?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("wallpaperdb without an account or server", () => {
  it("stops at once on a missing key, with one hint naming WALLPAPERDB_API_KEY and wallpaperdb login", async () => {
    const run = await wallpaperdb(["import", folder, "--url", app.baseUrl], { XDG_CONFIG_HOME: nobody });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^wallpaperdb: No API key, and the server wants one \(“Sign in to upload\.”\)\./,
    );
    expect(lines[0]).toContain("WALLPAPERDB_API_KEY");
    expect(lines[0]).toContain("`wallpaperdb login`");

    const bogus = `wpdb_${"x".repeat(43)}`;
    const refused = await wallpaperdb(["import", folder, "--url", app.baseUrl, "--api-key", bogus], {
      XDG_CONFIG_HOME: nobody,
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      /The server refused the API key \(“The API key is not valid or has been revoked\.”\)/,
    );
    expect(await app.database.db.select({ id: wallpapers.id }).from(wallpapers)).toHaveLength(0);
  });

  it("says Cannot reach <url>: <cause> for a wrong URL and exits 4 at once", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await wallpaperdb(["import", folder, "--url", closed], { XDG_CONFIG_HOME: nobody });
    expect(run.code).toBe(4);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`wallpaperdb: Cannot reach ${closed}: ECONNREFUSED`);
    expect(run.stderr).not.toContain("fetch failed");

    const unknownHost = "http://wpdb-nowhere.invalid";
    const dns = await wallpaperdb(["import", folder, "--url", unknownHost, "--json"], {
      XDG_CONFIG_HOME: nobody,
    });
    expect(dns.code).toBe(4);
    const report = JSON.parse(dns.stdout) as JsonReport;
    expect(report.error?.code).toBe("unreachable");
    expect(report.error?.message).toMatch(
      /^Cannot reach http:\/\/wpdb-nowhere\.invalid: (ENOTFOUND|EAI_AGAIN)/,
    );
  });
});

describe("wallpaperdb login, import, logout", () => {
  let storedKey = "";

  it("login signs in, creates a key named after this host and stores it 0600 under XDG_CONFIG_HOME", async () => {
    const run = await wallpaperdb(["login", "--url", app.baseUrl, "--email", owner.email], {
      XDG_CONFIG_HOME: config,
      WALLPAPERDB_PASSWORD: owner.password,
    });
    expect(run.code, run.stderr).toBe(0);
    const path = join(config, "wallpaperdb/credentials.json");
    expect(run.stdout).toContain(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(path, "utf8"))) as {
      url: string;
      apiKey: string;
    };
    expect(stored.url).toBe(app.baseUrl);
    storedKey = stored.apiKey;
    const keys = await createWallpaperClient({
      baseUrl: app.baseUrl,
      apiKey: storedKey,
    }).account.apiKeys.list.query();
    expect(keys.map((key) => key.name)).toEqual([expect.stringMatching(/^wallpaperdb CLI on .+/)]);

    const wrong = await wallpaperdb(["login", "--url", app.baseUrl, "--email", owner.email], {
      XDG_CONFIG_HOME: nobody,
      WALLPAPERDB_PASSWORD: "not the password",
    });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain("Wrong email or password.");
  });

  it("a following import uses the stored URL and key, skips and counts the broken link and documents, links each added file", async () => {
    const run = await wallpaperdb(["import", folder], { XDG_CONFIG_HOME: config });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Imported 3 files \(\d/m);
    expect(run.stdout).toMatch(/^ {2}added {6}3$/m);
    expect(run.stdout).toMatch(/^ {2}skipped {4}4$/m);
    expect(run.stdout).toMatch(/^ {4}broken link \(1\)\n {6}\S*broken-link\.jpg$/m);
    expect(run.stdout).toMatch(/^ {4}not an image or video \(2\)$/m);
    expect(run.stdout).toMatch(/notes\.txt$/m);
    expect(run.stdout).toMatch(/scan\.pdf$/m);
    expect(run.stdout).toMatch(
      /^ {4}rejected by the server \(1\)\n {6}\S*not-really\.jpg: unsupported_type: /m,
    );
    const links = run.stderr.match(
      new RegExp(`^\\[\\d/4\\] added .* ${app.baseUrl}/wallpapers/${uuid}$`, "gm"),
    );
    expect(links).toHaveLength(3);
    const page = await fetch(links?.[0]?.split(" ").at(-1) ?? "");
    expect(page.status).toBe(200);
  });

  it("--json prints one document with every file's outcome and the summary; Imported 0 files when none was added", async () => {
    const run = await wallpaperdb(["import", folder, "--json"], { XDG_CONFIG_HOME: config });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.error).toBeNull();
    expect(report.server).toBe(app.baseUrl);
    expect(report.summary).toMatchObject({
      added: 0,
      duplicate: 3,
      skipped: 4,
      failed: 0,
      bytesAdded: 0,
      skippedByReason: { broken_link: 1, unsupported_type: 2, rejected: 1 },
    });
    expect(report.files).toHaveLength(7);
    const byName = new Map(report.files.map((file) => [basename(file.path), file]));
    expect(byName.get("broken-link.jpg")).toMatchObject({ outcome: "skipped", reason: "broken_link" });
    expect(byName.get("scan.pdf")).toMatchObject({ outcome: "skipped", reason: "unsupported_type" });
    expect(byName.get("not-really.jpg")).toMatchObject({
      outcome: "skipped",
      reason: "rejected",
      code: "unsupported_type",
    });
    const known = report.files.filter((file) => file.outcome === "duplicate");
    expect(known.map((file) => file.url)).toEqual(
      known.map(() => expect.stringMatching(new RegExp(`/wallpapers/${uuid}$`))),
    );

    const text = await wallpaperdb(["import", folder], { XDG_CONFIG_HOME: config });
    expect(text.stdout).toMatch(/^Imported 0 files \(0 B\)/);
  });

  it("logout revokes the key on the server and deletes the file", async () => {
    const run = await wallpaperdb(["logout"], { XDG_CONFIG_HOME: config });
    expect(run.code, run.stderr).toBe(0);
    await expect(stat(join(config, "wallpaperdb/credentials.json"))).rejects.toMatchObject({
      code: "ENOENT",
    });
    const client = createWallpaperClient({ baseUrl: app.baseUrl, apiKey: storedKey });
    await expect(client.account.me.query()).rejects.toMatchObject({ data: { code: "unauthorized" } });
    const again = await wallpaperdb(["logout"], { XDG_CONFIG_HOME: config });
    expect(again.stdout).toMatch(/^Not logged in/);
  });
});

describe("uploadFile under the server's rate limit", () => {
  it("rate_limited carries the server's wait: uploadFile throws past its bounds, the CLI waits it out and adds the file", async () => {
    // The script's way to a key without a browser: signInForApiKey (what `wallpaperdb login` calls).
    const { apiKey } = await signInForApiKey({
      baseUrl: app.baseUrl,
      email: busy.email,
      password: busy.password,
    });
    const client = createWallpaperClient({ baseUrl: app.baseUrl, apiKey });
    for (let i = 0; i < 8; i += 1) await client.upload.create.mutate({ filename: `f${i}.jpg`, size: 10 });
    const bytes = Buffer.from(`not yet uploaded ${Date.now()}`);

    const immediate = await uploadFile(client, bytes, { filename: "x.jpg", rateLimit: { retries: 0 } }).catch(
      (error: unknown) => error,
    );
    const limited = rateLimitOf(immediate);
    expect(limited?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited?.retryAfterSeconds).toBeLessThanOrEqual(60);

    // A wait longer than the caller allows is not waited: thrown at once, with the same reading.
    const waits: number[] = [];
    const started = Date.now();
    const bounded = await uploadFile(client, bytes, {
      filename: "x.jpg",
      rateLimit: { retries: 3, maxWaitSeconds: 0, onWait: (seconds) => waits.push(seconds) },
    }).catch((error: unknown) => error);
    expect(rateLimitOf(bounded)).not.toBeNull();
    expect(waits).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);

    // The CLI with the same (still limited) key waits the server's Retry-After out, says so, and adds the file.
    const one = join(scratch, "one");
    await execute("mkdir", ["-p", one]);
    const [file] = corpusFiles()
      .filter((f) => f.size < 900_000 && !f.path.endsWith(".gif"))
      .slice(-1);
    if (!file) throw new Error("corpus has no small files");
    await copyFile(file.path, join(one, basename(file.path)));
    const run = await wallpaperdb(["import", one, "--url", app.baseUrl, "--api-key", apiKey]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^waiting \d+ s: the server limits uploads per minute$/m);
    expect(run.stdout).toMatch(/^ {2}added {6}1$/m);
  }, 150_000);
});
