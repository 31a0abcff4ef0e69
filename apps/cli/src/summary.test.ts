import type { UploadResult } from "@wallpaperdb/client";
import { describe, expect, it } from "vitest";
import { progressLine } from "./progress.ts";
import { formatSummary, summarize } from "./summary.ts";

function result(status: UploadResult["status"], extra: Partial<UploadResult> = {}): UploadResult {
  return { status, bytes: 1024 * 1024, bytesSent: 0, sha256: "0".repeat(64), filename: "f", ...extra };
}

describe("import summary", () => {
  it("counts outcomes and groups rejections by code", () => {
    const summary = summarize(
      [
        { path: "/a.jpg", result: result("added", { wallpaperId: "w1" }) },
        { path: "/b.jpg", result: result("added", { wallpaperId: "w2" }) },
        { path: "/c.jpg", result: result("duplicate", { wallpaperId: "w1" }) },
        { path: "/d.jpg", result: result("rejected", { code: "unsupported_type", message: "A PDF." }) },
        { path: "/e.png", result: result("rejected", { code: "unsupported_type", message: "HTML." }) },
        { path: "/f.png", result: result("rejected", { code: "corrupt", message: "Truncated." }) },
        { path: "/g.png", error: "fetch failed" },
      ],
      2,
    );
    expect(summary).toMatchObject({ files: 7, added: 2, duplicate: 1, rejected: 3, failed: 1 });
    expect(summary.bytes).toBe(6 * 1024 * 1024);
    const text = formatSummary(summary);
    expect(text).toMatch(/added {6}2/);
    expect(text).toMatch(/duplicate {2}1/);
    expect(text).toMatch(/rejected {3}3/);
    expect(text).toContain("unsupported_type (2)");
    expect(text).toContain("/d.jpg: A PDF.");
    expect(text).toContain("corrupt (1)");
    expect(text).toMatch(/failed {5}1/);
    expect(text.indexOf("corrupt (1)")).toBeLessThan(text.indexOf("unsupported_type (2)"));
  });

  it("says nothing about failures when there were none", () => {
    const text = formatSummary(summarize([{ path: "/a.jpg", result: result("added") }], 1));
    expect(text).not.toContain("failed");
    expect(text).toContain("Imported 1 file (1.0 MB)");
  });
});

describe("progress bar", () => {
  it("shows files, megabytes and speed", () => {
    const line = progressLine(
      {
        filesDone: 3,
        filesTotal: 10,
        bytesDone: 5 * 1024 * 1024,
        bytesTotal: 10 * 1024 * 1024,
        startedAt: 0,
      },
      2000,
      10,
    );
    expect(line).toBe("[#####-----] 3/10 files  5.0/10.0 MB  2.5 MB/s");
  });
});
