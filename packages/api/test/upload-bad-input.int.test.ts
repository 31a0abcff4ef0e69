import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { TRPCError } from "@trpc/server";
import { AppError } from "@wallpaperdb/core/errors";
import { wallpapers } from "@wallpaperdb/db";
import { originalKeyFor } from "@wallpaperdb/ingest";
import { buildBadCorpus, type Case } from "@wallpaperdb/media/testing/bad-corpus";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openUploadHarness, sendBytes, sha256Of, type UploadHarness } from "./upload-harness.ts";

let harness: UploadHarness;
let dir = "";
let cases: Case[] = [];

beforeAll(async () => {
  harness = await openUploadHarness();
  dir = await mkdtemp(join(tmpdir(), "wpdb-upload-bad-"));
  cases = await buildBadCorpus(dir);
});
afterAll(async () => {
  await harness?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function codeOf(error: unknown): string {
  if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause.code;
  if (error instanceof TRPCError && error.code === "BAD_REQUEST") return "validation_failed";
  return `unexpected: ${String(error)}`;
}

/** The whole client flow over real HTTP: create → tus POST/PATCH → complete. */
async function runCase(testCase: Case, data: Buffer) {
  const limits = { ...harness.services.limits, ...testCase.limits };
  const api = await harness.caller({ limits });
  const filename = basename(testCase.file);
  let uploadId: string | null = null;
  try {
    const created = await api.upload.create({ filename, size: data.length });
    uploadId = created.uploadId;
    await sendBytes(harness, uploadId, filename, data);
    return { uploadId, result: await api.upload.complete({ uploadId }) };
  } catch (error) {
    return { uploadId, error };
  }
}

describe("the generated bad-input corpus through HTTP tus and upload.complete", () => {
  it("has at least 20 rejection cases", () => {
    expect(cases.filter((c) => "code" in c.expect).length).toBeGreaterThanOrEqual(20);
  });

  it("rejects each bad file with its code and stores nothing; accepts the good ones (polyglot as image/jpeg)", async () => {
    const failures: string[] = [];
    const report: string[] = [];
    for (const testCase of cases) {
      const data = await readFile(testCase.file);
      const outcome = await runCase(testCase, data);
      const sha = sha256Of(data);
      if ("code" in testCase.expect) {
        // A zero-byte file cannot even be announced (size must be > 0), so create refuses it.
        const expected = data.length === 0 ? "validation_failed" : testCase.expect.code;
        const got = "error" in outcome ? codeOf(outcome.error) : `accepted ${JSON.stringify(outcome.result)}`;
        report.push(`${testCase.name} -> ${got}`);
        if (got !== expected) failures.push(`${testCase.name}: expected ${expected}, got ${got}`);
        const rows = await harness.deps.db.select().from(wallpapers).where(eq(wallpapers.sha256, sha));
        if (rows.length > 0) failures.push(`${testCase.name}: a wallpaper row was written`);
        if (await harness.deps.blobStore.head(originalKeyFor(sha)))
          failures.push(`${testCase.name}: a blob was stored`);
        if (outcome.uploadId) {
          const staged = (await harness.stagedFiles()).filter((f) => f.startsWith(outcome.uploadId ?? ""));
          if (staged.length > 0) failures.push(`${testCase.name}: tus files left: ${staged.join(", ")}`);
          const api = await harness.caller();
          const status = await api.upload.byId({ uploadId: outcome.uploadId });
          if (status.state !== "rejected" || status.rejectCode !== expected || !status.rejectMessage) {
            failures.push(`${testCase.name}: upload row ${JSON.stringify(status)}`);
          }
        }
      } else {
        if ("error" in outcome) {
          failures.push(`${testCase.name}: expected acceptance, got ${codeOf(outcome.error)}`);
          continue;
        }
        report.push(
          `${testCase.name} -> accepted ${outcome.result.mediaType} ${outcome.result.width}x${outcome.result.height}`,
        );
        const [row] = await harness.deps.db
          .select()
          .from(wallpapers)
          .where(eq(wallpapers.id, outcome.result.wallpaperId));
        const expected = testCase.expect.accept;
        for (const key of ["mediaType", "mimeType", "width", "height"] as const) {
          if (key in expected && row?.[key] !== expected[key]) {
            failures.push(
              `${testCase.name}: ${key} ${String(row?.[key])}, expected ${String(expected[key])}`,
            );
          }
        }
        if (row?.sha256 !== sha) failures.push(`${testCase.name}: sha256 ${row?.sha256} != ${sha}`);
      }
    }
    process.stdout.write(`\n${report.join("\n")}\n`);
    expect(failures).toEqual([]);
  });

  it("the server still answers afterwards", async () => {
    const options = await fetch(harness.endpoint, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("tus-version")).toContain("1.0.0");
    const api = await harness.caller();
    const created = await api.upload.create({ filename: "after.png", size: 10 });
    expect(created.uploadId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
