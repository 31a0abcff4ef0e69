import type { SkipReason } from "./walk.ts";

/** Why a file was not added: found on disk (walk.ts), or said by the server. */
export type SkippedReason = SkipReason | "too_big" | "rejected";

/** What happened to one file; the JSON output lists these as they are. */
export type FileOutcome =
  | { path: string; outcome: "added"; bytes: number; wallpaperId: string; url: string }
  | { path: string; outcome: "duplicate"; bytes: number; wallpaperId: string; url: string }
  | { path: string; outcome: "skipped"; reason: SkippedReason; code?: string; message?: string }
  /** A transport or server failure (or a rate limit outlasting the waits): the file's fate is unknown. */
  | { path: string; outcome: "failed"; reason: "rate_limited" | "error"; message: string };

export interface ImportSummary {
  /** Bytes of the files added by this run only (duplicates and skipped files are not counted). */
  bytesAdded: number;
  seconds: number;
  added: number;
  duplicate: number;
  skipped: number;
  failed: number;
  skippedByReason: Partial<Record<SkippedReason, number>>;
}

/** Most actionable first: what the user can fix on disk, then what the server refused. */
const reasonOrder: SkippedReason[] = ["broken_link", "unreadable", "unsupported_type", "too_big", "rejected"];
const reasonLabel: Record<SkippedReason, string> = {
  broken_link: "broken link",
  unreadable: "unreadable",
  unsupported_type: "not an image or video",
  too_big: "too big",
  rejected: "rejected by the server",
};

export function summarize(outcomes: readonly FileOutcome[], seconds: number): ImportSummary {
  const summary: ImportSummary = {
    bytesAdded: 0,
    seconds,
    added: 0,
    duplicate: 0,
    skipped: 0,
    failed: 0,
    skippedByReason: {},
  };
  for (const outcome of outcomes) {
    summary[outcome.outcome] += 1;
    if (outcome.outcome === "added") summary.bytesAdded += outcome.bytes;
    if (outcome.outcome === "skipped") {
      summary.skippedByReason[outcome.reason] = (summary.skippedByReason[outcome.reason] ?? 0) + 1;
    }
  }
  return summary;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const row = (label: string, count: number) => `  ${label.padEnd(11)}${count}`;

/** The text summary on stdout: counts, then every file that was not added or found, with why. */
export function formatSummary(summary: ImportSummary, outcomes: readonly FileOutcome[]): string {
  const { added, bytesAdded, seconds } = summary;
  const rate = seconds > 0 ? bytesAdded / 1024 / 1024 / seconds : 0;
  const lines = [
    `Imported ${added} file${added === 1 ? "" : "s"} (${formatBytes(bytesAdded)}) in ${seconds.toFixed(1)} s, ${rate.toFixed(1)} MB/s`,
    row("added", added),
    row("duplicate", summary.duplicate),
    row("skipped", summary.skipped),
  ];
  for (const reason of reasonOrder) {
    const files = outcomes.filter((o) => o.outcome === "skipped" && o.reason === reason);
    if (files.length === 0) continue;
    lines.push(`    ${reasonLabel[reason]} (${files.length})`);
    for (const file of files) {
      if (file.outcome !== "skipped") continue;
      const why = [file.code, file.message].filter(Boolean).join(": ");
      lines.push(`      ${file.path}${why ? `: ${why}` : ""}`);
    }
  }
  if (summary.failed > 0) {
    lines.push(row("failed", summary.failed));
    for (const file of outcomes) {
      if (file.outcome === "failed") lines.push(`      ${file.path}: ${file.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
