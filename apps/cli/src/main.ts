#!/usr/bin/env node
import { parseArgs } from "node:util";
import { cliEnv } from "./env.ts";
import { importFolders } from "./import-folders.ts";
import { formatSummary } from "./summary.ts";

const usage = `Usage: wallpaperdb import <folder|file>... [options]

Uploads every image and video under the folders to a WallpaperDB server. Files already stored
(same SHA-256) are recognised without sending their bytes.

Options:
  --url <url>          server base URL (default $WALLPAPERDB_URL or http://localhost:3000)
  --concurrency <n>    files in flight at once (default 3)
  --api-key <key>      API key (default $WALLPAPERDB_API_KEY)
  -h, --help           show this help

Exit status: 0 when every file was added, recognised as a duplicate or rejected by the server;
1 when a file could not be sent (network or server failure); 2 on bad usage.
`;

async function main(argv: string[]): Promise<number> {
  const env = cliEnv();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: "string" },
      concurrency: { type: "string", default: "3" },
      "api-key": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...folders] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(usage);
    return values.help ? 0 : 2;
  }
  if (command !== "import" || folders.length === 0) {
    process.stderr.write(`wallpaperdb: expected "import <folder>..."\n\n${usage}`);
    return 2;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    process.stderr.write("wallpaperdb: --concurrency must be a whole number from 1 to 64\n");
    return 2;
  }
  const apiKey = values["api-key"] ?? env.apiKey;
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort(new Error("interrupted")));
  const summary = await importFolders({
    folders,
    baseUrl: values.url ?? env.url ?? "http://localhost:3000",
    ...(apiKey ? { apiKey } : {}),
    concurrency,
    progress: process.stderr,
    signal: controller.signal,
  });
  process.stdout.write(formatSummary(summary));
  return summary.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wallpaperdb: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
