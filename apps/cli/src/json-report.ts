import type { ImportRun } from "./import-folders.ts";

/**
 * The --json document: one object, printed once at the end, so `JSON.parse(stdout)` always works. Files
 * keep the order of the text output (skipped on disk first, then sent files by path).
 */
export interface JsonReport {
  server: string;
  /** Present when the run stopped early (exit status 3 or 4). */
  error: { code: string; message: string } | null;
  summary: ImportRun["summary"];
  files: ImportRun["outcomes"];
}

export function jsonReport(server: string, run: ImportRun): string {
  const report: JsonReport = {
    server,
    error: run.fatal ? { code: run.fatal.code, message: run.fatal.message } : null,
    summary: run.summary,
    files: run.outcomes,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
