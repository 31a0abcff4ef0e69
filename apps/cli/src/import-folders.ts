import { createWallpaperClient, type UploadResult, uploadFile } from "@wallpaperdb/client";
import { mapWithConcurrency } from "./pool.ts";
import { ProgressReporter } from "./progress.ts";
import { describeError, type FatalError, fatalOf, isRateLimit, notWallpaperDb } from "./server-errors.ts";
import { type FileOutcome, type ImportSummary, summarize } from "./summary.ts";
import { findWallpaperFiles } from "./walk.ts";

export interface ImportOptions {
  folders: readonly string[];
  baseUrl: string;
  /** The key to send, already chosen by the caller (flag, environment or stored login); none if unset. */
  apiKey: string | undefined;
  concurrency: number;
  /** Where progress goes; stderr, so stdout carries only the summary (or the JSON document). */
  progress: NodeJS.WriteStream;
  signal?: AbortSignal;
}

export interface ImportRun {
  /** Every file found: skipped on disk first, then each sent file in path order. */
  outcomes: FileOutcome[];
  summary: ImportSummary;
  /** Set when the run stopped early; the files not yet tried are in no list. */
  fatal: FatalError | null;
}

/** The wallpaper's page, for the line a person clicks. */
export function wallpaperLink(baseUrl: string, wallpaperId: string): string {
  return `${baseUrl}/wallpapers/${wallpaperId}`;
}

function outcomeOf(path: string, result: UploadResult, baseUrl: string): FileOutcome {
  if (result.status === "rejected") {
    const reason = result.code === "too_large" ? "too_big" : "rejected";
    return {
      path,
      outcome: "skipped",
      reason,
      ...(result.code ? { code: result.code } : {}),
      ...(result.message ? { message: result.message } : {}),
    };
  }
  const wallpaperId = result.wallpaperId ?? "";
  return {
    path,
    outcome: result.status,
    bytes: result.bytes,
    wallpaperId,
    url: wallpaperLink(baseUrl, wallpaperId),
  };
}

/**
 * Imports the folders: files that cannot be sent are counted as skipped, each file's failure is its own,
 * but what would fail for every file (no answer from the server, no valid key) stops the run at once,
 * before any file is hashed when it is known up front (the preflight).
 */
export async function importFolders(options: ImportOptions): Promise<ImportRun> {
  const startedAt = performance.now();
  const walk = await findWallpaperFiles(options.folders);
  const skipped: FileOutcome[] = walk.skipped.map((file) => ({
    path: file.path,
    outcome: "skipped",
    reason: file.reason,
    ...(file.detail ? { message: file.detail } : {}),
  }));
  const finish = (sent: FileOutcome[], fatal: FatalError | null): ImportRun => {
    const outcomes = [...skipped, ...sent];
    return { outcomes, summary: summarize(outcomes, (performance.now() - startedAt) / 1000), fatal };
  };
  if (walk.files.length === 0) return finish([], null);

  const { baseUrl } = options;
  const client = createWallpaperClient({ baseUrl, apiKey: options.apiKey ?? null });
  const hadKey = options.apiKey !== undefined;
  try {
    // One cheap authenticated question: a wrong URL or key ends here, before gigabytes are hashed.
    await client.upload.check.query({ sha256: ["0".repeat(64)] }, { signal: options.signal });
  } catch (error) {
    const fatal = fatalOf(error, baseUrl, hadKey);
    const answered = typeof (error as { data?: unknown }).data === "object";
    if (fatal || !answered) return finish([], fatal ?? notWallpaperDb(error, baseUrl));
  }

  let stopped: FatalError | null = null;
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const totalBytes = walk.files.reduce((sum, file) => sum + file.size, 0);
  const reporter = new ProgressReporter(options.progress, walk.files.length, totalBytes);
  try {
    const sent = await mapWithConcurrency(walk.files, options.concurrency, async (file) => {
      if (stopped) return null;
      try {
        const result = await uploadFile(client, file.path, {
          onProgress: (progress) => reporter.fileProgress(file.path, progress.bytesSent),
          rateLimit: {
            onWait: (seconds) => reporter.note(`waiting ${seconds} s: the server limits uploads per minute`),
          },
          signal,
        });
        const outcome = outcomeOf(file.path, result, baseUrl);
        reporter.fileDone(file.path, file.size, outcome);
        return outcome;
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (stopped) return null;
        const fatal = fatalOf(error, baseUrl, hadKey);
        if (fatal) {
          stopped = fatal;
          stop.abort(new Error(fatal.message));
          return null;
        }
        const outcome: FileOutcome = {
          path: file.path,
          outcome: "failed",
          reason: isRateLimit(error) ? "rate_limited" : "error",
          message: describeError(error),
        };
        reporter.fileDone(file.path, file.size, outcome);
        return outcome;
      }
    });
    return finish(
      sent.filter((outcome) => outcome !== null),
      stopped,
    );
  } finally {
    reporter.stop();
  }
}
