import { createWallpaperClient, uploadFile } from "@wallpaperdb/client";
import { mapWithConcurrency } from "./pool.ts";
import { ProgressReporter } from "./progress.ts";
import { type FileOutcome, type ImportSummary, summarize } from "./summary.ts";
import { findWallpaperFiles } from "./walk.ts";

export interface ImportOptions {
  folders: readonly string[];
  baseUrl: string;
  apiKey?: string;
  concurrency: number;
  /** Where progress goes; stderr by default so stdout carries only the summary. */
  progress: NodeJS.WriteStream;
  signal?: AbortSignal;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

export async function importFolders(options: ImportOptions): Promise<ImportSummary> {
  const files = await findWallpaperFiles(options.folders);
  const client = createWallpaperClient({
    baseUrl: options.baseUrl,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
  });
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const reporter = new ProgressReporter(options.progress, files.length, totalBytes);
  const startedAt = performance.now();
  try {
    const outcomes = await mapWithConcurrency(
      files,
      options.concurrency,
      async (file): Promise<FileOutcome> => {
        try {
          const result = await uploadFile(client, file.path, {
            onProgress: (progress) => reporter.fileProgress(file.path, progress.bytesSent),
            ...(options.signal ? { signal: options.signal } : {}),
          });
          reporter.fileDone(file.path, file.size, result);
          return { path: file.path, result };
        } catch (error) {
          if (options.signal?.aborted) throw error;
          const message = describeError(error);
          reporter.fileDone(file.path, file.size, undefined, message);
          return { path: file.path, error: message };
        }
      },
    );
    return summarize(outcomes, (performance.now() - startedAt) / 1000);
  } finally {
    reporter.stop();
  }
}
