import type { ReconcileReport } from "./run-reconcile.ts";

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The CLI's output: one table of every finding, what was (or would be) done with it, and totals. */
export function formatReport(report: ReconcileReport): string {
  const verb = (done: string, would: string) => (report.dryRun ? would : done);
  const rows: string[][] = [
    ...report.expired.map((u) => [
      "expired upload",
      u.uploadId,
      `${u.state}, ${u.receivedBytes} B staged`,
      verb("expired, bytes deleted", "would expire"),
    ]),
    ...report.orphanBlobs.map((b) => [
      "orphan blob",
      b.key,
      `${b.size} B, ${b.lastModified.toISOString()}`,
      verb("deleted", "would delete"),
    ]),
    ...report.missingBlobs.map((m) => ["missing original", m.wallpaperId, m.key, "reported only"]),
    ...report.unstarted.map((w) => [
      "never processed",
      w.wallpaperId,
      `committed ${w.createdAt.toISOString()}`,
      verb("re-driven", "would re-drive"),
    ]),
    ...report.stuckSteps.map((s) => [
      "stuck step",
      s.wallpaperId,
      `${s.step} ${s.state} since ${s.since.toISOString()} (${s.attempts} attempts)`,
      verb(`reset, ${s.event} re-enqueued`, `would re-enqueue ${s.event}`),
    ]),
    ...(report.rateLimitsPruned > 0
      ? [
          [
            "old rate limits",
            "rate_limits",
            `${report.rateLimitsPruned} ${report.rateLimitsPruned === 1 ? "counter" : "counters"} past their window`,
            verb("deleted", "would delete"),
          ],
        ]
      : []),
  ];
  const title = `reconcile ${report.dryRun ? "(dry run) " : ""}at ${report.startedAt.toISOString()} in ${report.durationMs} ms`;
  const body =
    rows.length === 0 ? "nothing to do" : table(["finding", "id / key", "details", "action"], rows);
  return `${title}\n${body}\n`;
}
