import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { wallpapers } from "@wallpaperdb/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusFiles } from "./corpus.ts";
import { ensureWebBuild, type RunningWebApp, repoRoot, startWebApp } from "./web-app.ts";

const run = promisify(execFile);
const cli = join(repoRoot, "apps/cli/src/main.ts");

let app: RunningWebApp;
let folder: string;
let picked: { path: string; size: number }[];

async function importFolder(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, "import", ...args, "--url", app.baseUrl], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  ensureWebBuild();
  app = await startWebApp();
  // Eight real wallpapers of different formats, small enough to keep the test quick.
  picked = corpusFiles()
    .filter((file) => file.size < 1_500_000)
    .filter(
      (file, index, all) => all.findIndex((other) => basename(other.path) === basename(file.path)) === index,
    )
    .slice(0, 8);
  folder = await mkdtemp(join(tmpdir(), "wpdb-cli-import-"));
  await mkdir(join(folder, "nested/deeper"), { recursive: true });
  for (const [index, file] of picked.entries()) {
    await copyFile(file.path, join(folder, index % 2 ? "nested" : ".", basename(file.path)));
  }
  const first = picked[0];
  if (!first) throw new Error("corpus has no small files");
  // The same bytes under another name: one wallpaper, answered as a duplicate.
  await copyFile(first.path, join(folder, "nested/deeper", `copy-of-${basename(first.path)}`));
  await writeFile(join(folder, "nested/deeper/not-really.jpg"), "<!doctype html><script>alert(1)</script>");
  await writeFile(join(folder, "notes.txt"), "skipped: not an image extension");
}, 240_000);

afterAll(async () => {
  await app?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("wallpaperdb import", () => {
  it("adds the new wallpapers, names the duplicate and explains the rejection", async () => {
    const { code, stdout, stderr } = await importFolder(folder, "--concurrency", "3");
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Imported 8 files/m);
    expect(stdout).toMatch(/^ {2}added {6}8$/m);
    expect(stdout).toMatch(/^ {2}duplicate {2}1$/m);
    // The HTML page named .jpg (refused by the server) and notes.txt (never sent).
    expect(stdout).toMatch(/^ {2}skipped {4}2$/m);
    expect(stdout).toMatch(/^ {4}rejected by the server \(1\)$/m);
    expect(stdout).toMatch(/not-really\.jpg: unsupported_type: .*HTML/);
    expect(stdout).toMatch(/^ {4}not an image or video \(1\)$/m);
    expect(stdout).toMatch(/^ {6}\S*notes\.txt$/m);
    expect(stdout).not.toContain("failed");
    // Not a terminal: one plain line per file, no carriage-return redraws.
    expect(stderr).toMatch(/^\[10\/10\] /m);
    expect(stderr).not.toContain("\r");

    const rows = await app.database.db.select({ sha256: wallpapers.sha256 }).from(wallpapers);
    expect(rows).toHaveLength(8);
  });

  it("a second run sends no bytes again: everything is a duplicate except the bad file", async () => {
    const { code, stdout } = await importFolder(folder);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Imported 0 files \(0 B\)/m);
    expect(stdout).toMatch(/^ {2}added {6}0$/m);
    expect(stdout).toMatch(/^ {2}duplicate {2}9$/m);
    expect(stdout).toMatch(/^ {2}skipped {4}2$/m);
    const rows = await app.database.db.select({ sha256: wallpapers.sha256 }).from(wallpapers);
    expect(rows).toHaveLength(8);
  });

  it("refuses bad usage with exit status 2", async () => {
    const result = await run(process.execPath, [cli, "import"]).catch((error: { code: number }) => error);
    expect((result as { code: number }).code).toBe(2);
    const missing = await importFolder(join(folder, "no-such-folder"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^wallpaperdb: cannot read \S+no-such-folder \(ENOENT\)$/m);
  });
});
