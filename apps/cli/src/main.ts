#!/usr/bin/env node
import { parseArgs } from "node:util";
import { cliEnv } from "./env.ts";
import { runImport } from "./import-command.ts";
import { runLogin, runLogout } from "./login-command.ts";
import { exitCodes } from "./server-errors.ts";
import { usage } from "./usage.ts";

function usageError(message: string): number {
  process.stderr.write(`wallpaperdb: ${message}\n\n${usage}`);
  return exitCodes.usage;
}

async function main(argv: string[]): Promise<number> {
  const env = cliEnv();
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(usage);
    return values.help ? exitCodes.ok : exitCodes.usage;
  }
  switch (command) {
    case "import": {
      if (rest.length === 0) return usageError('expected "import <folder>..."');
      const concurrency = Number(values.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
        return usageError("--concurrency must be a whole number from 1 to 64");
      }
      const flags = { url: values.url, apiKey: values["api-key"], concurrency, json: values.json ?? false };
      return runImport(rest, flags, env);
    }
    case "login":
      return runLogin(
        { url: values.url, email: values.email, passwordStdin: values["password-stdin"] ?? false },
        env,
      );
    case "logout":
      return runLogout();
    default:
      return usageError(`unknown command "${command}"`);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: "string" },
      concurrency: { type: "string", default: "3" },
      "api-key": { type: "string" },
      json: { type: "boolean" },
      email: { type: "string" },
      "password-stdin": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
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
