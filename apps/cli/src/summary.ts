import type { UploadResult } from "@wallpaperdb/client";

export interface FileOutcome {
  path: string;
  result?: UploadResult;
  /** A transport or server failure: the file's fate is unknown, so the run fails. */
  error?: string;
}

export interface ImportSummary {
  files: number;
  bytes: number;
  seconds: number;
  added: number;
  duplicate: number;
  rejected: number;
  failed: number;
  rejectionsByCode: Map<string, { path: string; message: string }[]>;
  failures: { path: string; error: string }[];
}

export function summarize(outcomes: readonly FileOutcome[], seconds: number): ImportSummary {
  const summary: ImportSummary = {
    files: outcomes.length,
    bytes: 0,
    seconds,
    added: 0,
    duplicate: 0,
    rejected: 0,
    failed: 0,
    rejectionsByCode: new Map(),
    failures: [],
  };
  for (const outcome of outcomes) {
    const { result } = outcome;
    if (!result) {
      summary.failed += 1;
      summary.failures.push({ path: outcome.path, error: outcome.error ?? "unknown error" });
      continue;
    }
    summary.bytes += result.bytes;
    summary[result.status] += 1;
    if (result.status === "rejected") {
      const code = result.code ?? "rejected";
      const list = summary.rejectionsByCode.get(code) ?? [];
      list.push({ path: outcome.path, message: result.message ?? code });
      summary.rejectionsByCode.set(code, list);
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

export function formatSummary(summary: ImportSummary): string {
  const rate = summary.seconds > 0 ? summary.bytes / 1024 / 1024 / summary.seconds : 0;
  const lines = [
    `Imported ${summary.files} file${summary.files === 1 ? "" : "s"} (${formatBytes(summary.bytes)}) in ${summary.seconds.toFixed(1)} s, ${rate.toFixed(1)} MB/s`,
    `  added      ${summary.added}`,
    `  duplicate  ${summary.duplicate}`,
    `  rejected   ${summary.rejected}`,
  ];
  for (const [code, files] of [...summary.rejectionsByCode.entries()].sort()) {
    lines.push(`    ${code} (${files.length})`);
    for (const file of files) lines.push(`      ${file.path}: ${file.message}`);
  }
  if (summary.failed > 0) {
    lines.push(`  failed     ${summary.failed}`);
    for (const failure of summary.failures) lines.push(`      ${failure.path}: ${failure.error}`);
  }
  return `${lines.join("\n")}\n`;
}
