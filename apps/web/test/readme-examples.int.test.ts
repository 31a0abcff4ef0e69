// Runs the README's HTTP API examples (the ```sh test and ```python test blocks) with bash and python3
// against the built app, so the documented calls keep working as the API changes.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import { createApiKey } from "@wallpaperdb/auth";
import { users } from "@wallpaperdb/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild, type RunningWebApp, repoRoot, startWebApp } from "../../cli/test/web-app.ts";

const run = promisify(execFile);
let app: RunningWebApp;
let apiKey = "";
let folder = "";

/** The README's code blocks whose info string is `<language> test`. */
function readmeBlocks(language: string): string[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const fence = new RegExp(`^\`\`\`${language} test\\n([\\s\\S]*?)^\`\`\`$`, "gm");
  return [...readme.matchAll(fence)].map((match) => match[1] ?? "");
}

/** A small PNG with random pixels (so every run uploads a new wallpaper), written with zlib only. */
function randomPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(
    Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function runExample(command: string, args: string[], file: string) {
  const image = join(folder, file);
  await writeFile(image, randomPng(96, 64));
  return run(command, args, {
    env: { ...process.env, WALLPAPERDB_URL: app.baseUrl, WALLPAPERDB_API_KEY: apiKey, FILE: image },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  ensureWebBuild();
  app = await startWebApp({ env: { ALLOW_ANONYMOUS_UPLOADS: "false" } });
  await app.database.db.insert(users).values({ id: "readme", name: "readme", email: "readme@example.test" });
  apiKey = (await createApiKey(app.database.db, "readme", "readme examples")).key;
  folder = await mkdtemp(join(tmpdir(), "wpdb-readme-"));
}, 900_000);
afterAll(async () => {
  await app?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("README HTTP API examples", () => {
  it("has one curl and one Python example marked for testing", () => {
    expect(readmeBlocks("sh")).toHaveLength(1);
    expect(readmeBlocks("python")).toHaveLength(1);
  });

  it("the curl example uploads, keeps, reads and searches", async () => {
    const [script = ""] = readmeBlocks("sh");
    const { stdout } = await runExample("bash", ["-euo", "pipefail", "-c", script], "dune-curl.png");
    const id = /^uploaded ([0-9a-f-]{36})$/m.exec(stdout)?.[1];
    expect(id, stdout).toBeDefined();
    expect(stdout).toContain('"favorited":true');
    expect(stdout).toContain(`"id":"${id}"`);
    expect(stdout).toMatch(/"items":\[/);
  });

  it("the Python example (standard library only) uploads, collects, searches and reads a problem", async () => {
    const [script = ""] = readmeBlocks("python");
    const { stdout } = await runExample("python3", ["-I", "-c", script], "dune-python.png");
    expect(stdout).toMatch(/^uploaded [0-9a-f-]{36} new$/m);
    expect(stdout).toMatch(/^\d+ wallpapers match$/m);
    expect(stdout).toMatch(/^404 not_found /m);
  });
});
