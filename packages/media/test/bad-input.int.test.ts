import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "@wallpaperdb/core/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureSharp } from "../src/configure-sharp.ts";
import { loadMediaLimits } from "../src/env.ts";
import { validateMedia } from "../src/validate-media.ts";
import { buildBadCorpus, type Case } from "./bad-corpus.ts";

const defaults = loadMediaLimits({ FFPROBE_PATH: "/usr/bin/ffprobe", FFMPEG_PATH: "/usr/bin/ffmpeg" });
let dir = "";
let cases: Case[] = [];

beforeAll(async () => {
  configureSharp();
  dir = await mkdtemp(join(tmpdir(), "wpdb-media-bad-"));
  cases = await buildBadCorpus(dir);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function outcome(testCase: Case): Promise<unknown> {
  try {
    return await validateMedia(testCase.file, { ...defaults, ...testCase.limits });
  } catch (error) {
    return error;
  }
}

describe("validateMedia on a generated bad-input corpus", () => {
  it("has at least 20 rejection cases", () => {
    expect(cases.filter((c) => "code" in c.expect).length).toBeGreaterThanOrEqual(20);
  });

  it("gives every case its expected code or result", async () => {
    const report: string[] = [];
    const failures: string[] = [];
    for (const testCase of cases) {
      const result = await outcome(testCase);
      const shown = result instanceof AppError ? `${result.code}: ${result.message}` : JSON.stringify(result);
      report.push(`${testCase.name} -> ${shown}`);
      if ("code" in testCase.expect) {
        const ok =
          result instanceof AppError &&
          result.code === testCase.expect.code &&
          (testCase.expect.message?.test(result.message) ?? true);
        if (!ok) failures.push(`${testCase.name}: expected ${testCase.expect.code}, got ${shown}`);
      } else if (result instanceof Error || !matches(result, testCase.expect.accept)) {
        failures.push(
          `${testCase.name}: expected acceptance ${JSON.stringify(testCase.expect.accept)}, got ${shown}`,
        );
      }
    }
    process.stdout.write(`\n${report.join("\n")}\n`);
    expect(failures).toEqual([]);
  });

  it("leaves the process able to validate a good image afterwards", async () => {
    const good = cases.find((c) => c.name === "valid PNG");
    expect(good).toBeDefined();
    if (good)
      await expect(validateMedia(good.file, defaults)).resolves.toMatchObject({ width: 16, height: 16 });
  });
});

function matches(actual: unknown, expected: Record<string, unknown>): boolean {
  if (typeof actual !== "object" || actual === null) return false;
  return Object.entries(expected).every(([key, value]) => (actual as Record<string, unknown>)[key] === value);
}
