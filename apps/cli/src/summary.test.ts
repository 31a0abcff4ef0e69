import { describe, expect, it } from "vitest";
import { progressLine, resultLine } from "./progress.ts";
import { type FileOutcome, formatSummary, summarize } from "./summary.ts";

const mb = 1024 * 1024;
const link = (id: string) => `http://wp.test/wallpapers/${id}`;

describe("import summary", () => {
  const outcomes: FileOutcome[] = [
    { path: "/w/gone.jpg", outcome: "skipped", reason: "broken_link" },
    { path: "/w/notes.txt", outcome: "skipped", reason: "unsupported_type" },
    { path: "/w/scan.pdf", outcome: "skipped", reason: "unsupported_type" },
    { path: "/w/a.jpg", outcome: "added", bytes: 2 * mb, wallpaperId: "w1", url: link("w1") },
    { path: "/w/b.jpg", outcome: "added", bytes: mb, wallpaperId: "w2", url: link("w2") },
    { path: "/w/c.jpg", outcome: "duplicate", bytes: 5 * mb, wallpaperId: "w1", url: link("w1") },
    {
      path: "/w/d.jpg",
      outcome: "skipped",
      reason: "rejected",
      code: "unsupported_type",
      message: "HTML pages are not accepted.",
    },
    {
      path: "/w/huge.png",
      outcome: "skipped",
      reason: "too_big",
      code: "too_large",
      message: "Over 200 MB.",
    },
    { path: "/w/e.png", outcome: "failed", reason: "error", message: "socket hang up" },
  ];

  it("counts each outcome, skipped by reason, and only the added files' bytes", () => {
    const summary = summarize(outcomes, 2);
    expect(summary).toMatchObject({ added: 2, duplicate: 1, skipped: 5, failed: 1, bytesAdded: 3 * mb });
    expect(summary.skippedByReason).toEqual({ broken_link: 1, unsupported_type: 2, rejected: 1, too_big: 1 });
    const text = formatSummary(summary, outcomes);
    expect(text).toMatch(/^Imported 2 files \(3\.0 MB\) in 2\.0 s, 1\.5 MB\/s$/m);
    expect(text).toMatch(/^ {2}added {6}2$/m);
    expect(text).toMatch(/^ {2}duplicate {2}1$/m);
    expect(text).toMatch(/^ {2}skipped {4}5$/m);
    expect(text).toMatch(/^ {4}not an image or video \(2\)$/m);
    expect(text).toContain("      /w/notes.txt\n");
    expect(text).toMatch(/^ {4}broken link \(1\)$/m);
    expect(text).toContain("/w/d.jpg: unsupported_type: HTML pages are not accepted.");
    expect(text).toMatch(/^ {4}too big \(1\)$/m);
    expect(text).toMatch(/^ {2}failed {5}1$/m);
    expect(text).toContain("/w/e.png: socket hang up");
    // What the user can fix on disk comes before what the server refused.
    expect(text.indexOf("broken link")).toBeLessThan(text.indexOf("rejected by the server"));
  });

  it("says Imported 0 files when nothing was added, and nothing about failures when there were none", () => {
    const none: FileOutcome[] = [
      { path: "/w/c.jpg", outcome: "duplicate", bytes: 5 * mb, wallpaperId: "w1", url: link("w1") },
      { path: "/w/notes.txt", outcome: "skipped", reason: "unsupported_type" },
    ];
    const text = formatSummary(summarize(none, 1), none);
    expect(text).toMatch(/^Imported 0 files \(0 B\)/);
    expect(text).not.toContain("failed");
  });

  it("prints an added file with the link to its page", () => {
    const [added] = outcomes.filter((o) => o.outcome === "added");
    expect(added && resultLine(added)).toBe("added      a.jpg (2.0 MB) http://wp.test/wallpapers/w1");
  });
});

describe("progress bar", () => {
  it("shows files, megabytes and speed", () => {
    const line = progressLine(
      { filesDone: 3, filesTotal: 10, bytesDone: 5 * mb, bytesTotal: 10 * mb, startedAt: 0 },
      2000,
      10,
    );
    expect(line).toBe("[#####-----] 3/10 files  5.0/10.0 MB  2.5 MB/s");
  });
});
