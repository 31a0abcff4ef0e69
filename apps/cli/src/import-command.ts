import { stat } from "node:fs/promises";
import { defaultApiKey, normalizeBaseUrl, readCredentials } from "@wallpaperdb/client";
import type { CliEnv } from "./env.ts";
import { importFolders } from "./import-folders.ts";
import { jsonReport } from "./json-report.ts";
import { exitCodes } from "./server-errors.ts";
import { formatSummary } from "./summary.ts";

export interface ImportFlags {
  url: string | undefined;
  apiKey: string | undefined;
  concurrency: number;
  json: boolean;
}

/** --url, else WALLPAPERDB_URL, else the server of the stored login, else a local one. */
export async function chooseServer(flag: string | undefined, env: CliEnv): Promise<string> {
  const explicit = flag ?? env.url;
  if (explicit) return normalizeBaseUrl(explicit);
  const stored = await readCredentials();
  return normalizeBaseUrl(stored?.url ?? "http://localhost:3000");
}

export async function runImport(folders: string[], flags: ImportFlags, env: CliEnv): Promise<number> {
  // A mistyped folder is bad usage, said before anything else happens (not a stack of ENOENT).
  for (const folder of folders) {
    const missing = await stat(folder).then(
      () => null,
      (error: NodeJS.ErrnoException) => error.code ?? error.message,
    );
    if (missing) {
      process.stderr.write(`wallpaperdb: cannot read ${folder} (${missing})\n`);
      return exitCodes.usage;
    }
  }
  const baseUrl = await chooseServer(flags.url, env);
  // The flag wins; defaultApiKey reads WALLPAPERDB_API_KEY, then the key stored for this very server.
  const apiKey = flags.apiKey ?? (await defaultApiKey(baseUrl));
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort(new Error("interrupted")));
  const run = await importFolders({
    folders,
    baseUrl,
    apiKey,
    concurrency: flags.concurrency,
    progress: process.stderr,
    signal: controller.signal,
  });
  if (flags.json) process.stdout.write(jsonReport(baseUrl, run));
  if (run.fatal) {
    // Said once, on stderr, whatever the output format: the run stopped before trying the rest.
    process.stderr.write(`wallpaperdb: ${run.fatal.message}\n`);
    return run.fatal.exitCode;
  }
  if (!flags.json) process.stdout.write(formatSummary(run.summary, run.outcomes));
  return run.summary.failed > 0 ? exitCodes.someFailed : exitCodes.ok;
}
